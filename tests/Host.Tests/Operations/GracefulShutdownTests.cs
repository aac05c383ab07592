using System.Net;
using System.Text;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Shared.GraphQL;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CertifyTrack.Host.Tests.Operations;

public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task Shutdown_lets_a_request_in_flight_finish()
    {
        var gate = new Gate();
        await using var app = await TestApp.StartAsync(configureServices: s =>
        {
            s.AddSingleton(gate);
            s.AddSingleton<IGraphQLModule, GateModule>();
        });
        var baseUri = app.StartKestrel();
        using var client = new HttpClient { BaseAddress = baseUri };
        using var content = new StringContent("""{"query":"{ waitForGate }"}""", Encoding.UTF8, "application/json");
        var ct = TestContext.Current.CancellationToken;

        var request = client.PostAsync("/graphql", content, ct);
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.StopApplication();
        Assert.True(lifetime.ApplicationStopping.IsCancellationRequested);
        gate.Open.TrySetResult();

        using var response = await request.WaitAsync(TimeSpan.FromSeconds(20), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"waitForGate":"done"}}""", await response.Content.ReadAsStringAsync(ct));
    }

    internal sealed class Gate
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Open { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    internal sealed class GateModule(Gate gate) : IGraphQLModule
    {
        public string Name => "GateTest";

        public void AddQueryFields(ObjectGraphType query) =>
            query.Field<StringGraphType>("waitForGate").AllowAnonymous().ResolveAsync(async _ =>
            {
                gate.Entered.TrySetResult();
                await gate.Open.Task;
                return "done";
            });
    }
}
