using System.Net;
using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Authorization;

/// <summary>Roles × fields through the real HTTP endpoint: "ok" means the data came back, otherwise the one error code expected.</summary>
public sealed class AuthorizationMatrixTests(AuthorizationApp app) : IClassFixture<AuthorizationApp>
{
    private const string Ok = "ok";
    private const string Unauth = "UNAUTHENTICATED";
    private const string Forbid = "FORBIDDEN";

    private static readonly string[] RoleNames = ["anonymous", "student", "mentor", "admin"];

    /// <summary>case, query, variables, then the outcome for anonymous, student, mentor, admin.</summary>
    private static readonly (string Case, string Query, string? Variables, string[] Outcomes)[] Matrix =
    [
        ("public field", "{ publicInfo }", null, [Ok, Ok, Ok, Ok]),
        ("one role", "{ studentOnly }", null, [Unauth, Ok, Forbid, Forbid]),
        ("any of two roles", "{ staffOnly }", null, [Unauth, Forbid, Ok, Ok]),
        ("signed in", "{ signedIn }", null, [Unauth, Ok, Ok, Ok]),
        ("policy", "{ mentoring }", null, [Unauth, Forbid, Ok, Forbid]),
        ("no metadata: default deny", "{ unmarked }", null, [Unauth, Forbid, Forbid, Forbid]),
        ("type-level metadata", "{ profile { name } }", null, [Unauth, Ok, Ok, Ok]),
        ("field-level role wins over type", "{ profile { email } }", null, [Unauth, Forbid, Forbid, Ok]),
        ("field-level anonymous wins over type", "{ profile { motto } }", null, [Ok, Ok, Ok, Ok]),
        ("nested object", "{ club { name organizer { name } } }", null, [Unauth, Ok, Ok, Ok]),
        ("nested field without metadata", "{ club { name secret } }", null, [Unauth, Forbid, Forbid, Forbid]),
        ("fragment", "{ ...F } fragment F on Query { adminOnly }", null, [Unauth, Forbid, Forbid, Ok]),
        ("nested fragment", "{ club { ...C } } fragment C on TestClub { organizer { ...P } } fragment P on TestProfile { email }", null, [Unauth, Forbid, Forbid, Ok]),
        ("inline fragment", "{ club { ... on TestClub { secret } } }", null, [Unauth, Forbid, Forbid, Forbid]),
        ("inline fragment without type", "{ ... { staffOnly } }", null, [Unauth, Forbid, Ok, Ok]),
        ("@skip(if: true) by variable", "query Q($s: Boolean!) { publicInfo adminOnly @skip(if: $s) }", """{"s":true}""", [Ok, Ok, Ok, Ok]),
        ("@skip(if: false) by variable", "query Q($s: Boolean!) { publicInfo adminOnly @skip(if: $s) }", """{"s":false}""", [Unauth, Forbid, Forbid, Ok]),
        ("@include(if: false) on a fragment spread", "query Q($i: Boolean!) { publicInfo ...F @include(if: $i) } fragment F on Query { adminOnly }", """{"i":false}""", [Ok, Ok, Ok, Ok]),
        ("@include(if: true) on an inline fragment", "query Q($i: Boolean!) { publicInfo ... @include(if: $i) { studentOnly } }", """{"i":true}""", [Unauth, Ok, Forbid, Forbid]),
        ("@skip literal on a nested field", "{ profile { motto email @skip(if: true) } }", null, [Ok, Ok, Ok, Ok]),
        ("__typename", "{ __typename club { __typename } }", null, [Ok, Ok, Ok, Ok]),
        ("introspection", "{ __schema { queryType { name } } __type(name: \"TestClub\") { name } }", null, [Ok, Ok, Ok, Ok]),
        ("mutation field", "mutation { adminAction }", null, [Unauth, Forbid, Forbid, Ok]),
    ];

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var row in Matrix)
        {
            for (var i = 0; i < RoleNames.Length; i++)
            {
                data.Add(row.Case, RoleNames[i], row.Outcomes[i]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Role_and_field_give_the_expected_outcome(string @case, string role, string expected)
    {
        var row = Array.Find(Matrix, r => r.Case == @case);
        var variables = row.Variables is null ? null : JsonNode.Parse(row.Variables);

        var (response, body) = await app.Client.PostGraphQLAsync(row.Query, variables, token: AuthorizationApp.TokenFor(role));

        if (expected == Ok)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK && !body.ContainsKey("errors"), body.ToJson());
            Assert.NotNull(body["data"]);
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.False(body.ContainsKey("data"), "A refused operation does not run at all.");
            Assert.All(body.ErrorCodes(), code => Assert.Equal(expected, code));
        }
    }
}
