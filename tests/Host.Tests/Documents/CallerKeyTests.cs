using System.Security.Claims;
using CertifyTrack.Host.GraphQL.Documents;
using GraphQLParser.AST;

namespace CertifyTrack.Host.Tests.Documents;

/// <summary>What tells two callers apart for a remembered validation, and the bound on how many a document keeps.</summary>
public sealed class CallerKeyTests
{
    [Fact]
    public void Callers_that_authorization_could_tell_apart_never_share_a_key()
    {
        string[] keys =
        [
            CallerKey.Of(null, Principal(authenticated: false)),
            CallerKey.Of(null, Principal(authenticated: true)),
            CallerKey.Of(null, Principal(authenticated: true, "admin")),
            CallerKey.Of(null, Principal(authenticated: false, "admin")),
            CallerKey.Of(null, Principal(authenticated: true, "admin", "student")),
            CallerKey.Of(null, Principal(authenticated: true, "admin,student")),
            CallerKey.Of("admin", Principal(authenticated: true)),
            CallerKey.Of("Q", Principal(authenticated: true, "admin")),
            CallerKey.Of(null, new ClaimsPrincipal()),
        ];

        Assert.Equal(keys.Length - 1, keys.Distinct(StringComparer.Ordinal).Count()); // no identity at all is anonymous
        Assert.Equal(keys[0], keys[^1]);
    }

    [Fact]
    public void The_key_reads_only_roles_and_sign_in_the_way_IsInRole_does()
    {
        var ordered = Principal(authenticated: true, "student", "admin", "admin");
        var reversed = Principal(authenticated: true, "admin", "student");
        var withOtherClaims = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("sub", "9"), new Claim("email", "a@b.c"), new Claim("role", "admin"), new Claim("role", "student")], "test", "sub", "role"));
        var otherRoleType = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, "admin"), new Claim(ClaimTypes.Role, "student")], "test"));

        Assert.Equal(CallerKey.Of("", ordered), CallerKey.Of(null, reversed));
        Assert.Equal(CallerKey.Of(null, reversed), CallerKey.Of(null, withOtherClaims));
        Assert.Equal(CallerKey.Of(null, reversed), CallerKey.Of(null, otherRoleType));
        Assert.NotEqual(CallerKey.Of(null, reversed), CallerKey.Of(null, new ClaimsPrincipal(new ClaimsIdentity([new Claim("role", "admin")], "test"))));
    }

    [Fact]
    public void A_document_remembers_at_most_its_bound_of_callers()
    {
        var document = new CachedDocument("hash", "{ __typename }", new GraphQLDocument([]), 1);
        var keys = Enumerable.Range(0, CachedDocument.MaxPassedKeys + 4).Select(i => CallerKey.Of(null, Principal(authenticated: true, $"role{i}"))).ToList();

        Parallel.ForEach(keys.Take(CachedDocument.MaxPassedKeys), document.RememberPassed);
        document.RememberPassed(keys[0]);
        foreach (var key in keys.Skip(CachedDocument.MaxPassedKeys))
        {
            document.RememberPassed(key);
        }

        Assert.All(keys.Take(CachedDocument.MaxPassedKeys), k => Assert.True(document.PassedFor(k)));
        Assert.All(keys.Skip(CachedDocument.MaxPassedKeys), k => Assert.False(document.PassedFor(k)));
    }

    private static ClaimsPrincipal Principal(bool authenticated, params string[] roles) =>
        new(new ClaimsIdentity(roles.Select(r => new Claim("role", r)), authenticated ? "test" : null, "sub", "role"));
}
