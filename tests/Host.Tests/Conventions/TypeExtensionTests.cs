using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Extensions;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Conventions;

/// <summary>A module adds fields to another module's type without the owner knowing.</summary>
public sealed class TypeExtensionTests
{
    [Fact]
    public async Task An_extension_adds_a_field_to_the_owning_type()
    {
        await using var app = await TestApp.StartAsync(configureServices: s =>
        {
            s.AddSingleton<IGraphQLModule, OwnerModule>();
            s.AddTypeExtension<ShoutExtension>();
        });
        using var client = app.CreateClient();

        var (_, body) = await client.PostGraphQLAsync("{ widget { name shout } }");

        Assert.Equal("""{"data":{"widget":{"name":"gear","shout":"GEAR!"}}}""", body.ToJson());
    }

    [Fact]
    public async Task Two_contributions_of_one_field_stop_start_up_naming_both()
    {
        await using var app = await TestApp.StartAsync(configureServices: s =>
        {
            s.AddSingleton<IGraphQLModule, OwnerModule>();
            s.AddTypeExtension<ShoutExtension>();
            s.AddTypeExtension<OtherShoutExtension>();
        });

        var message = Assert.ThrowsAny<Exception>(() => app.Services).GetBaseException().Message;

        Assert.Contains("Widget.shout", message, StringComparison.Ordinal);
        Assert.Contains("module 'Loud'", message, StringComparison.Ordinal);
        Assert.Contains("module 'Louder'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_extension_may_not_redeclare_a_field_of_the_owner()
    {
        await using var app = await TestApp.StartAsync(configureServices: s =>
        {
            s.AddSingleton<IGraphQLModule, OwnerModule>();
            s.AddTypeExtension<NameExtension>();
        });

        var message = Assert.ThrowsAny<Exception>(() => app.Services).GetBaseException().Message;

        Assert.Contains("Widget.name is declared twice: by type Widget itself and by module 'Renamer'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_extension_of_a_type_outside_the_schema_stops_start_up()
    {
        await using var app = await TestApp.StartAsync(configureServices: s => s.AddTypeExtension<ShoutExtension>());

        var message = Assert.ThrowsAny<Exception>(() => app.Services).GetBaseException().Message;

        Assert.Contains("ShoutExtension (module 'Loud') on WidgetType", message, StringComparison.Ordinal);
    }

    internal sealed record Widget(string Name);

    internal sealed class WidgetType : ObjectGraphType<Widget>
    {
        public WidgetType(TypeExtensionRegistry extensions)
        {
            Name = "Widget";
            Field(w => w.Name).AllowAnonymous();
            extensions.Apply(this);
        }
    }

    internal sealed class OwnerModule : IGraphQLModule
    {
        public string Name => "Owner";

        public void AddQueryFields(ObjectGraphType query) =>
            query.Field<WidgetType>("widget").Resolve(_ => new Widget("gear")).AllowAnonymous();
    }

    internal sealed class ShoutExtension : TypeExtension<WidgetType, Widget>
    {
        public override string Module => "Loud";

        protected override void Extend(ObjectGraphType<Widget> type) =>
            type.Field<StringGraphType>("shout").Resolve(c => c.Source.Name.ToUpperInvariant() + "!").AllowAnonymous();
    }

    internal sealed class OtherShoutExtension : TypeExtension<WidgetType, Widget>
    {
        public override string Module => "Louder";

        protected override void Extend(ObjectGraphType<Widget> type) =>
            type.Field<StringGraphType>("shout").Resolve(_ => "!!").AllowAnonymous();
    }

    internal sealed class NameExtension : TypeExtension<WidgetType, Widget>
    {
        public override string Module => "Renamer";

        protected override void Extend(ObjectGraphType<Widget> type) =>
            type.Field<StringGraphType>("name").Resolve(_ => "other").AllowAnonymous();
    }
}
