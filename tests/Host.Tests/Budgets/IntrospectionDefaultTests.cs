using System.Net;
using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Budgets;

/// <summary>
/// Introspection is on in Development and off elsewhere unless configured; while it is off,
/// errors name no schema member the caller did not write ("Did you mean …?" is stripped).
/// </summary>
public sealed class IntrospectionDefaultTests
{
    private static readonly string[] Typos =
    [
        "{ nodez(ids: []) { id } }",                    // field: Did you mean 'nodes' or 'node'?
        "{ node(idd: \"x\") { id } }",                   // argument: Did you mean 'id'
        "{ node(id: \"x\") { ... on Nod { id } } }",     // type: Did you mean 'Node'?
    ];

    [Fact]
    public async Task Outside_development_introspection_is_off_by_default_and_errors_suggest_no_names()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["environment"] = "Production" });
        using var client = app.CreateClient();

        var (response, schema) = await client.PostGraphQLAsync("{ __schema { queryType { name } } }");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["INTROSPECTION_DISABLED"], schema.ErrorCodes());

        foreach (var typo in Typos)
        {
            var (_, body) = await client.PostGraphQLAsync(typo);
            Assert.NotEmpty(body.ErrorCodes());
            Assert.DoesNotContain("Did you mean", body.ToJson(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Configured_on_outside_development_it_answers_and_suggests()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["GraphQL:EnableIntrospection"] = "true",
        });
        using var client = app.CreateClient();

        var (_, schema) = await client.PostGraphQLAsync("{ __schema { queryType { name } } }");
        var (_, typo) = await client.PostGraphQLAsync(Typos[0]);

        Assert.Equal("""{"data":{"__schema":{"queryType":{"name":"Query"}}}}""", schema.ToJson());
        Assert.Contains("Did you mean", typo.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_development_it_is_on_by_default_and_configured_off_strips_suggestions()
    {
        await using var development = await TestApp.StartAsync();
        using var client = development.CreateClient();
        var (_, schema) = await client.PostGraphQLAsync("{ __schema { queryType { name } } }");
        Assert.Equal("""{"data":{"__schema":{"queryType":{"name":"Query"}}}}""", schema.ToJson());
        foreach (var typo in Typos)
        {
            var (_, body) = await client.PostGraphQLAsync(typo);
            Assert.Contains("Did you mean", body.ToJson(), StringComparison.Ordinal);
        }

        await using var off = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["GraphQL:EnableIntrospection"] = "false" });
        using var offClient = off.CreateClient();
        foreach (var typo in Typos)
        {
            var (_, body) = await offClient.PostGraphQLAsync(typo);
            Assert.NotEmpty(body.ErrorCodes());
            Assert.DoesNotContain("Did you mean", body.ToJson(), StringComparison.Ordinal);
        }
    }
}
