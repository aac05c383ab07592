using System.Net;
using System.Security.Claims;
using CertifyTrack.Host.GraphQL.Documents;
using CertifyTrack.Host.Tests.Authorization;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Documents;

/// <summary>
/// A cached document remembers, per operation name and caller kind (signed in, role claims), that a request
/// without variables passed the per-request rules, and skips them for the next such request. Proven through
/// the endpoint: a pass remembered for one caller kind never lets another through, refusals and requests with
/// variables or a field policy are never remembered.
/// </summary>
public sealed class RememberedValidationTests
{
    private static readonly string Admin = TestAuthenticationHandler.Token("1", Roles.Admin);
    private static readonly string Student = TestAuthenticationHandler.Token("2", Roles.Student);
    private static readonly string Mentor7 = TestAuthenticationHandler.Token("7", Roles.Mentor);
    private static readonly string Mentor8 = TestAuthenticationHandler.Token("8", Roles.Mentor);
    private static readonly string AdminAndStudent = TestAuthenticationHandler.Token("3", Roles.Student, Roles.Admin);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_pass_remembered_for_an_admin_never_lets_a_student_or_anonymous_through_in_either_order(string provider)
    {
        await using var app = await StartAsync(provider);
        using var client = app.CreateClient();
        const string adminFirst = "{ adminOnly }";
        const string othersFirst = "{\n  adminOnly\n}";

        await AssertAnswerAsync(client, adminFirst, Admin, "adminOnly", "admin");
        Assert.True(Remembered(app, adminFirst, Admin));
        await AssertAnswerAsync(client, adminFirst, Admin, "adminOnly", "admin"); // from the remembered pass
        await AssertRefusedAsync(client, adminFirst, Student, "FORBIDDEN");
        await AssertRefusedAsync(client, adminFirst, null, "UNAUTHENTICATED");
        await AssertAnswerAsync(client, adminFirst, Admin, "adminOnly", "admin");
        await AssertRefusedAsync(client, adminFirst, Student, "FORBIDDEN");
        await AssertRefusedAsync(client, adminFirst, null, "UNAUTHENTICATED");

        await AssertRefusedAsync(client, othersFirst, null, "UNAUTHENTICATED");
        await AssertRefusedAsync(client, othersFirst, Student, "FORBIDDEN");
        Assert.False(Remembered(app, othersFirst, Student));
        Assert.False(Remembered(app, othersFirst, null));
        await AssertAnswerAsync(client, othersFirst, Admin, "adminOnly", "admin");
        await AssertAnswerAsync(client, othersFirst, Admin, "adminOnly", "admin");
        await AssertRefusedAsync(client, othersFirst, Student, "FORBIDDEN");
        await AssertRefusedAsync(client, othersFirst, null, "UNAUTHENTICATED");
        Assert.True(Remembered(app, othersFirst, Admin));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_document_refused_for_some_role_sets_and_passed_for_another_is_remembered_for_that_set_only(string provider)
    {
        await using var app = await StartAsync(provider);
        using var client = app.CreateClient();
        const string both = "query Both { studentOnly adminOnly }";

        await AssertRefusedAsync(client, both, Admin, "FORBIDDEN");
        await AssertRefusedAsync(client, both, Student, "FORBIDDEN");
        await AssertAnswerAsync(client, both, AdminAndStudent, "adminOnly", "admin");
        await AssertAnswerAsync(client, both, AdminAndStudent, "studentOnly", "student");
        Assert.True(Remembered(app, both, AdminAndStudent));
        Assert.False(Remembered(app, both, AdminAndStudent, "Both")); // the operation named is another key
        var (_, named) = await client.PostJsonAsync(new { query = both, operationName = "Both" }, token: AdminAndStudent);
        Assert.Equal("admin", named!["data"]!["adminOnly"]!.GetValue<string>());
        Assert.True(Remembered(app, both, AdminAndStudent, "Both"));
        var (refused, _) = await client.PostJsonAsync(new { query = both, operationName = "Both" }, token: Admin);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        // A subset of the roles that passed is another caller kind: refused again, and never remembered.
        await AssertRefusedAsync(client, both, Admin, "FORBIDDEN");
        await AssertRefusedAsync(client, both, Student, "FORBIDDEN");
        await AssertRefusedAsync(client, both, null, "UNAUTHENTICATED");
        Assert.False(Remembered(app, both, Admin, "Both"));
        Assert.False(Remembered(app, both, Student, "Both"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Requests_with_variables_run_every_rule_whatever_was_remembered(string provider)
    {
        await using var app = await StartAsync(provider);
        using var client = app.CreateClient();
        const string node = """query One($id: ID! = "VXNlcjox") { node(id: $id) { id } }""";
        const string gated = "query Gated($admin: Boolean = true) { __typename ... @include(if: $admin) { adminOnly } }";

        var (_, byDefault) = await client.PostGraphQLAsync(node, token: Admin);
        Assert.Empty(byDefault.ErrorCodes());
        Assert.True(Remembered(app, node, Admin));
        var (control, controlBody) = await client.PostGraphQLAsync(node, new { id = "a\u0001b" }, token: Admin);
        Assert.Equal(HttpStatusCode.BadRequest, control.StatusCode);
        Assert.Equal(["INVALID_TEXT"], controlBody.ErrorCodes());
        var (_, empty) = await client.PostGraphQLAsync(node, new { }, token: Admin); // empty variables: the default, remembered
        Assert.Empty(empty.ErrorCodes());

        await AssertAnswerAsync(client, gated, Admin, "adminOnly", "admin");
        Assert.True(Remembered(app, gated, Admin));
        var (shown, shownBody) = await client.PostGraphQLAsync(gated, new { admin = true }, token: Student);
        Assert.Equal(HttpStatusCode.BadRequest, shown.StatusCode);
        Assert.Equal(["FORBIDDEN"], shownBody.ErrorCodes());
        var (_, hidden) = await client.PostGraphQLAsync(gated, new { admin = false }, token: Student);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", hidden.ToJson());
        Assert.False(Remembered(app, gated, Student)); // it passed, but with variables
        await AssertRefusedAsync(client, gated, Student, "FORBIDDEN");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_pass_that_evaluated_a_field_policy_is_never_remembered(string provider)
    {
        await using var app = await StartAsync(provider);
        using var client = app.CreateClient();
        const string policy = "{ mentoring }";
        const string roles = "{ staffOnly }";

        // The policy reads the subject, which the caller key leaves out: mentors 7 and 8 share a key.
        await AssertAnswerAsync(client, policy, Mentor7, "mentoring", "policy");
        await AssertAnswerAsync(client, policy, Mentor7, "mentoring", "policy");
        Assert.False(Remembered(app, policy, Mentor7));
        await AssertRefusedAsync(client, policy, Mentor8, "FORBIDDEN");
        await AssertAnswerAsync(client, policy, Mentor7, "mentoring", "policy");
        await AssertRefusedAsync(client, policy, Mentor8, "FORBIDDEN");

        await AssertAnswerAsync(client, roles, Mentor7, "staffOnly", "staff");
        Assert.True(Remembered(app, roles, Mentor8)); // roles only: the same key, rightly shared
        await AssertAnswerAsync(client, roles, Mentor8, "staffOnly", "staff");
    }

    private static bool Remembered(TestApp app, string text, string? token, string? operationName = null) =>
        app.Services.GetRequiredService<DocumentCache>().Find(DocumentHash.Of(text))!.PassedFor(CallerKey.Of(operationName, PrincipalOf(token)));

    internal static ClaimsPrincipal PrincipalOf(string? token) =>
        token is null ? new ClaimsPrincipal(new ClaimsIdentity()) : TestAuthenticationHandler.Parse(token)!;

    private static Task<TestApp> StartAsync(string provider) =>
        TestApp.StartAsync(provider, s =>
        {
            s.AddTestAuthentication();
            s.AddAuthorizationBuilder().AddPolicy(AuthorizationTestModule.MentoringPolicy, p => p.RequireRole(Roles.Mentor).RequireClaim("sub", "7"));
            s.AddSingleton<IGraphQLModule, AuthorizationTestModule>();
        });

    private static async Task AssertAnswerAsync(HttpClient client, string query, string token, string field, string value)
    {
        var (response, body) = await client.PostGraphQLAsync(query, token: token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(body.ErrorCodes());
        Assert.Equal(value, body["data"]![field]!.GetValue<string>());
    }

    private static async Task AssertRefusedAsync(HttpClient client, string query, string? token, string code)
    {
        var (response, body) = await client.PostGraphQLAsync(query, token: token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([code], body.ErrorCodes().Distinct());
        Assert.Null(body["data"]);
    }
}
