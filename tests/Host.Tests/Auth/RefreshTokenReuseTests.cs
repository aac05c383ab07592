using System.Net;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Users.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.EntityFrameworkCore.Models;

namespace CertifyTrack.Host.Tests.Auth;

/// <summary>
/// A refresh token refreshes once, also when sent many times at once; a second use, at once or
/// later, is taken for theft and ends the whole session (its authorization and every token of it,
/// the ones the first use just got included). Other sessions of the user live on.
/// </summary>
public sealed class RefreshTokenReuseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Ten_concurrent_refreshes_with_one_token_let_one_win_and_then_end_its_session(string provider)
    {
        await using var app = await TokenApp.StartAsync(provider);
        await app.AddUserAsync("meera");
        var session = (await app.PasswordGrantAsync("meera", TokenApp.Password)).Body;
        var other = (await app.PasswordGrantAsync("meera", TokenApp.Password)).Body;

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => RefreshAsync(app, session["refresh_token"]!.GetValue<string>())));

        var winner = Assert.Single(answers, a => a.Status == 200).Body;
        Assert.All(answers.Where(a => a.Status != 200), a => Assert.Equal("invalid_grant", a.Body["error"]!.GetValue<string>()));
        await AssertEndedAsync(app, session, winner);
        Assert.Equal(HttpStatusCode.OK, await app.MeStatusAsync(other["access_token"]!.GetValue<string>()));
        Assert.Equal(200, (await RefreshAsync(app, other["refresh_token"]!.GetValue<string>())).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_refresh_token_replayed_later_ends_the_session_of_the_tokens_it_was_exchanged_for(string provider)
    {
        await using var app = await TokenApp.StartAsync(provider);
        await app.AddUserAsync("meera");
        var session = (await app.PasswordGrantAsync("meera", TokenApp.Password)).Body;
        await app.PasswordGrantAsync("meera", TokenApp.Password);   // another device: untouched
        var (_, successor) = await RefreshAsync(app, session["refresh_token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, await app.MeStatusAsync(successor["access_token"]!.GetValue<string>()));

        var (status, replay) = await RefreshAsync(app, session["refresh_token"]!.GetValue<string>());

        Assert.Equal((400, "invalid_grant"), (status, replay["error"]!.GetValue<string>()));
        await AssertEndedAsync(app, session, successor);
    }

    private static async Task AssertEndedAsync(TokenApp app, System.Text.Json.Nodes.JsonObject first, System.Text.Json.Nodes.JsonObject successor)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await app.MeStatusAsync(first["access_token"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Unauthorized, await app.MeStatusAsync(successor["access_token"]!.GetValue<string>()));
        Assert.Equal("invalid_grant", (await RefreshAsync(app, successor["refresh_token"]!.GetValue<string>())).Body["error"]!.GetValue<string>());
        await using var db = await app.App.Services.GetRequiredService<IDbContextFactory<UsersDbContext>>().CreateDbContextAsync(Ct);
        var statuses = await db.Set<OpenIddictEntityFrameworkCoreAuthorization>().Select(a => a.Status).ToListAsync(Ct);
        Assert.Equal(["revoked", "valid"], statuses.Order());   // this session's, the other device's
    }

    private static Task<(int Status, System.Text.Json.Nodes.JsonObject Body)> RefreshAsync(TokenApp app, string refreshToken) =>
        app.TokenAsync(("grant_type", "refresh_token"), ("client_id", "certifytrack-web"), ("refresh_token", refreshToken));
}
