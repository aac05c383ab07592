using System.Collections.Concurrent;
using System.Diagnostics;
using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Operations;

public sealed class TelemetryTests
{
    [Fact]
    public async Task A_graphql_request_is_traced_through_aspnetcore_and_graphql_execution()
    {
        var marker = "Op" + Guid.NewGuid().ToString("N");
        var seen = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Microsoft.AspNetCore" or "GraphQL",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = seen.Add,
        };
        ActivitySource.AddActivityListener(listener);
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();

        await client.PostGraphQLAsync($"query {marker} {{ __typename }}");

        var graphql = Assert.Single(seen, a => a.Source.Name == "GraphQL" && a.DisplayName.Contains(marker, StringComparison.Ordinal));
        var request = Assert.Single(seen, a => a.Source.Name == "Microsoft.AspNetCore" && a.TraceId == graphql.TraceId);
        Assert.Equal(request.SpanId, graphql.ParentSpanId);
    }
}
