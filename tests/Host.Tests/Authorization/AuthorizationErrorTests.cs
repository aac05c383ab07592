using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Authorization;

public sealed class AuthorizationErrorTests(AuthorizationApp app) : IClassFixture<AuthorizationApp>
{
    [Fact]
    public async Task Errors_name_the_field_path_with_aliases_and_point_at_the_field()
    {
        var (_, body) = await app.Client.PostGraphQLAsync("{ c: club { organizer { email } secret } }", token: AuthorizationApp.TokenFor("student"));

        var errors = body["errors"]!.AsArray();
        Assert.Equal(2, errors.Count);
        Assert.Equal("You are not allowed to access 'c.organizer.email'.", errors[0]!["message"]!.GetValue<string>());
        Assert.Equal("You are not allowed to access 'c.secret'.", errors[1]!["message"]!.GetValue<string>());
        Assert.Equal("""[{"line":1,"column":25}]""", errors[0]!["locations"].ToJson());
    }

    [Fact]
    public async Task Anonymous_callers_are_told_to_sign_in()
    {
        var (_, body) = await app.Client.PostGraphQLAsync("{ profile { name } }");

        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("You must sign in to access 'profile.name'.", error["message"]!.GetValue<string>());
        Assert.Equal("UNAUTHENTICATED", error["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_invalid_token_is_refused_with_401_even_for_public_fields()
    {
        var (response, body) = await app.Client.PostGraphQLAsync("{ publicInfo }", token: "not-a-token");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal(["UNAUTHENTICATED"], body.ErrorCodes());
        var (anonymous, _) = await app.Client.PostGraphQLAsync("{ publicInfo }");
        Assert.Equal(System.Net.HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_fragment_spread_twice_is_reported_once()
    {
        var (_, body) = await app.Client.PostGraphQLAsync(
            "{ ...F club { organizer { name } } } fragment F on Query { adminOnly }", token: AuthorizationApp.TokenFor("mentor"));

        Assert.Equal(["FORBIDDEN"], body.ErrorCodes());
    }

    [Fact]
    public async Task Variables_decide_skip_and_include()
    {
        const string query = "query Q($show: Boolean!) { publicInfo adminOnly @include(if: $show) }";

        var (_, hidden) = await app.Client.PostGraphQLAsync(query, new JsonObject { ["show"] = false }, token: AuthorizationApp.TokenFor("student"));
        var (_, shown) = await app.Client.PostGraphQLAsync(query, new JsonObject { ["show"] = true }, token: AuthorizationApp.TokenFor("student"));

        Assert.Equal("""{"data":{"publicInfo":"public"}}""", hidden.ToJson());
        Assert.Equal(["FORBIDDEN"], shown.ErrorCodes());
    }
}
