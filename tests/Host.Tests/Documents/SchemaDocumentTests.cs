using System.Net;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Shared.GraphQL.Authorization;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Documents;

/// <summary><c>GET /graphql/schema.graphql</c>: public while introspection is on, admins only while it is off.</summary>
public sealed class SchemaDocumentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task With_introspection_on_anyone_gets_the_sdl_with_an_etag(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, settings: new Dictionary<string, string?> { ["GraphQL:EnableIntrospection"] = "true" });
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/graphql/schema.graphql", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(app.Services.GetRequiredService<ISchema>().Print(), await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("type Query", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/graphql/schema.graphql");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await client.SendAsync(again, Ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task With_introspection_off_only_admins_get_it()
    {
        await using var app = await TestApp.StartAsync(
            configureServices: s => s.AddTestAuthentication(),
            settings: new Dictionary<string, string?> { ["GraphQL:EnableIntrospection"] = "false" });
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, null));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(client, TestAuthenticationHandler.Token("2", Roles.Student)));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(client, TestAuthenticationHandler.Token("3", Roles.Mentor)));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, TestAuthenticationHandler.Token("1", Roles.Admin)));
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql/schema.graphql");
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }
}
