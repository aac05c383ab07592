using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Shared.GraphQL;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter.Xunit3;

namespace CertifyTrack.Host.Tests.Schema;

public sealed class SchemaCompositionTests
{
    [Fact]
    public async Task The_printed_schema_matches_the_committed_snapshot()
    {
        await using var app = await TestApp.StartAsync();

        var sdl = app.Services.GetRequiredService<ISchema>().Print();

        Snapshot.Match(sdl);
    }

    [Fact]
    public async Task Every_module_is_part_of_the_schema()
    {
        await using var app = await TestApp.StartAsync();

        var modules = app.Services.GetServices<IGraphQLModule>().Select(m => m.Name).Order();

        Assert.Equal(["Aicte", "Certificates", "Clubs", "Events", "Integration", "Platform", "Users", "Venues"], modules);
    }

    [Fact]
    public async Task A_module_adds_root_fields_of_each_operation_type()
    {
        await using var app = await TestApp.StartAsync(configureServices: s => s.AddSingleton<IGraphQLModule>(new FieldModule("Alpha", "alphaField")));

        var schema = app.Services.GetRequiredService<ISchema>();

        Assert.NotNull(schema.Query.GetField("alphaField"));
        Assert.NotNull(schema.Mutation!.GetField("alphaField"));
        Assert.NotNull(schema.Subscription!.GetField("alphaField"));
    }

    [Fact]
    public async Task The_same_root_field_from_two_modules_stops_start_up_with_a_clear_message()
    {
        await using var app = await TestApp.StartAsync(configureServices: s =>
        {
            s.AddSingleton<IGraphQLModule>(new FieldModule("Alpha", "sameField"));
            s.AddSingleton<IGraphQLModule>(new FieldModule("Beta", "sameField"));
        });

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        var message = error.GetBaseException().Message;
        Assert.Contains("Query.sameField", message, StringComparison.Ordinal);
        Assert.Contains("'Alpha'", message, StringComparison.Ordinal);
        Assert.Contains("'Beta'", message, StringComparison.Ordinal);
    }

    private sealed class FieldModule(string name, string field) : IGraphQLModule
    {
        public string Name => name;

        public void AddQueryFields(ObjectGraphType query) => query.Field<StringGraphType>(field).AllowAnonymous().Resolve(_ => name);

        public void AddMutationFields(ObjectGraphType mutation) => mutation.Field<StringGraphType>(field).AllowAnonymous().Resolve(_ => name);

        public void AddSubscriptionFields(ObjectGraphType subscription) =>
            subscription.Field<StringGraphType>(field).AllowAnonymous().ResolveStream(_ => new Once(name));
    }

    private sealed class Once(string value) : IObservable<object?>
    {
        public IDisposable Subscribe(IObserver<object?> observer)
        {
            observer.OnNext(value);
            observer.OnCompleted();
            return new CancellationTokenSource();
        }
    }
}
