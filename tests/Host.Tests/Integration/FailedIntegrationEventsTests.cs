using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using CertifyTrack.Host.Integration;
using CertifyTrack.Host.Integration.Persistence;
using CertifyTrack.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Integration;

/// <summary>A poison message: parked after its attempts, visible to admins only, retried once fixed.</summary>
public sealed class FailedIntegrationEventsTests
{
    private const string FailedQuery = """
        { failedIntegrationEvents(first: 10) { totalCount edges { node { id type key handler state attempts lastError payload nextAttemptAt } } } }
        """;

    private static readonly string Admin = TestAuthenticationHandler.Token("1", "admin");
    private static readonly string Student = TestAuthenticationHandler.Token("2", "student");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_poison_message_is_parked_shown_to_admins_only_and_delivered_by_a_retry_after_the_fix(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = await LedgerApp.StartAsync(database);
        app.Script.Poison(TallyHandler.Name, "poison");

        await app.PublishAsync("event:7", "poison");
        await app.AdvanceUntilAsync(async () => (await app.RowsAsync()).Any(r => r.State == OutboxState.Parked), TimeSpan.FromSeconds(5));

        // Five attempts over the default backoff (40 + 80 + 160 + 320 s), then parked for this handler only.
        Assert.Equal(5, app.Script.Attempts(TallyHandler.Name, "poison"));
        Assert.Equal([LedgerHandler.Name], (await app.EntriesAsync()).Select(e => e.Handler));
        var (_, forStudent) = await app.Client.PostGraphQLAsync(FailedQuery, token: Student);
        Assert.Equal(["FORBIDDEN"], forStudent.ErrorCodes());
        Assert.Null(forStudent["data"]);
        var (_, listed) = await app.Client.PostGraphQLAsync(FailedQuery, token: Admin);
        Assert.Equal(1, listed["data"]!["failedIntegrationEvents"]!["totalCount"]!.GetValue<int>());
        var node = listed["data"]!["failedIntegrationEvents"]!["edges"]![0]!["node"]!;
        Assert.Equal(
            """{"type":"tests.item-added.v1","key":"event:7","handler":"tests.tally","state":"PARKED","attempts":5,"lastError":"InvalidOperationException: Scripted failure of tests.tally:poison","payload":{"key":"event:7","seq":1,"text":"poison","orderingKey":"event:7"},"nextAttemptAt":null}""",
            Without(node, "id"));
        Assert.Equal("Degraded", await ReadyAsync(app));
        Assert.Equal(1, ParkedGauge(app));

        var id = node["id"]!.GetValue<string>();
        var retry = $$"""mutation { retryIntegrationEvent(input: { id: "{{id}}" }) { integrationEvent { state attempts } userErrors { code } } }""";
        var (_, refused) = await app.Client.PostGraphQLAsync(retry, token: Student);
        Assert.Equal(["FORBIDDEN"], refused.ErrorCodes());
        app.Script.Fix(TallyHandler.Name, "poison");
        var (_, retried) = await app.Client.PostGraphQLAsync(retry, token: Admin);

        Assert.Equal("""{"integrationEvent":{"state":"PENDING","attempts":0},"userErrors":[]}""", retried["data"]!["retryIntegrationEvent"].ToJson());
        await LedgerApp.WaitUntilAsync(async () => (await app.RowsAsync()).All(r => r.State == OutboxState.Delivered));
        Assert.Equal([LedgerHandler.Name, TallyHandler.Name], (await app.EntriesAsync()).Select(e => e.Handler).Order());
        var (_, after) = await app.Client.PostGraphQLAsync(FailedQuery, token: Admin);
        Assert.Equal(0, after["data"]!["failedIntegrationEvents"]!["totalCount"]!.GetValue<int>());
        Assert.Equal("Healthy", await ReadyAsync(app));
        var (_, again) = await app.Client.PostGraphQLAsync(retry, token: Admin);
        Assert.Equal("""{"integrationEvent":null,"userErrors":[{"code":"NOT_FAILED"}]}""", again["data"]!["retryIntegrationEvent"].ToJson());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Node_loads_an_integration_event_for_admins_only(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = await LedgerApp.StartAsync(database, settings: new Dictionary<string, string?> { ["IntegrationEvents:RunDispatcher"] = "false" });
        await app.PublishAsync(null, "quiet");
        var id = CertifyTrack.Shared.GraphQL.Relay.GlobalId.Encode("IntegrationEvent", (await app.RowsAsync())[0].Id);
        var query = $$"""{ node(id: "{{id}}") { id ... on IntegrationEvent { handler state } } }""";
        var idOnly = $$"""{ node(id: "{{id}}") { id } }""";

        var (_, forAdmin) = await app.Client.PostGraphQLAsync(query, token: Admin);
        var (_, forStudent) = await app.Client.PostGraphQLAsync(query, token: Student);
        var (_, idForStudent) = await app.Client.PostGraphQLAsync(idOnly, token: Student);

        Assert.Equal("""{"data":{"node":{"id":"ID","handler":"tests.ledger","state":"PENDING"}}}""".Replace("ID", id, StringComparison.Ordinal), forAdmin.ToJson());
        Assert.Equal(["FORBIDDEN", "FORBIDDEN"], forStudent.ErrorCodes());   // one per admin-only field selected
        Assert.Equal("""{"data":{"node":null}}""", idForStudent.ToJson());   // the loader is the gate for node's public id
    }

    private static string Without(JsonNode node, string property)
    {
        var copy = node.DeepClone().AsObject();
        copy.Remove(property);
        return copy.ToJson();
    }

    private static async Task<string> ReadyAsync(LedgerApp app)
    {
        using var response = await app.Client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Reads this host's parked gauge the way an exporter does.</summary>
    private static long ParkedGauge(LedgerApp app)
    {
        var factory = app.App.Services.GetRequiredService<IMeterFactory>();
        long? value = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == IntegrationMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory)
                    && instrument.Name == "certifytrack.integration_events.parked")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, measurement, _, _) => value = measurement);
        listener.Start();
        listener.RecordObservableInstruments();
        return value ?? -1;
    }
}
