using System.Net;
using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Users.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.EntityFrameworkCore.Models;

namespace CertifyTrack.Host.Tests.Auth;

/// <summary>
/// The per-request revocation check (<c>Users/Auth/TokenEntryCheck</c>, one read of the token entry and
/// its authorization) refuses a token whose own entry is no longer valid, and a token whose entry is
/// valid but whose authorization is not — each on its very next request, with 401 invalid_token.
/// </summary>
public sealed class TokenEntryCheckTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_token_is_refused_at_once_when_its_entry_or_its_authorization_is_no_longer_valid(string provider)
    {
        await using var app = await TokenApp.StartAsync(provider);
        await app.AddUserAsync("asha");
        var first = await RevocationTests.SignInAsync(app, "asha");
        var second = await RevocationTests.SignInAsync(app, "asha");
        var third = await RevocationTests.SignInAsync(app, "asha");
        foreach (var session in new[] { first, second, third })
        {
            Assert.Equal(HttpStatusCode.OK, (await app.MeAsync(session.Access)).StatusCode);
        }

        await using var db = await app.App.Services.GetRequiredService<IDbContextFactory<UsersDbContext>>().CreateDbContextAsync(Ct);
        var firstAuthorization = Claim(first.Access, "oi_au_id");
        var firstToken = Claim(first.Access, "oi_tkn_id", "jti");
        var secondToken = Claim(second.Access, "oi_tkn_id", "jti");
        Assert.Equal(1, await db.Set<OpenIddictEntityFrameworkCoreAuthorization>().Where(a => a.Id == firstAuthorization)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, "revoked"), Ct));
        Assert.Equal(1, await db.Set<OpenIddictEntityFrameworkCoreToken>().Where(t => t.Id == secondToken)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, "revoked"), Ct));

        // The first token's own entry is still valid: its authorization alone refuses it.
        Assert.Equal("valid", await db.Set<OpenIddictEntityFrameworkCoreToken>().Where(t => t.Id == firstToken).Select(t => t.Status).SingleAsync(Ct));
        foreach (var refused in new[] { first, second })
        {
            var response = await app.MeAsync(refused.Access);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await app.MeAsync(third.Access)).StatusCode);
    }

    /// <summary>A claim of the signed (not encrypted) access token's payload; the first of the names present.</summary>
    private static string Claim(string jwt, params string[] names)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        var claims = JsonNode.Parse(Convert.FromBase64String(payload))!.AsObject();
        return names.Select(name => claims[name]?.GetValue<string>()).First(value => value is not null)!;
    }
}
