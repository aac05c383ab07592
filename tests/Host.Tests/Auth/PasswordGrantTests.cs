using System.Globalization;
using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Auth;

/// <summary>The login rules through <c>POST /connect/token</c> with the password grant.</summary>
public sealed class PasswordGrantTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_right_password_yields_tokens_that_work_on_graphql(string provider)
    {
        await using var app = await TokenApp.StartAsync(provider);
        var id = await app.AddUserAsync("asha");

        var (status, body) = await app.PasswordGrantAsync("ASHA", TokenApp.Password);

        Assert.Equal(200, status);
        Assert.NotNull(body["refresh_token"]);
        var me = await app.QueryAsync("{ me { id username userType } }", body["access_token"]!.GetValue<string>());
        Assert.Empty(me.ErrorCodes());
        Assert.Equal("asha", me["data"]!["me"]!["username"]!.GetValue<string>());
        Assert.Equal(CertifyTrack.Shared.GraphQL.Relay.GlobalId.Encode("User", id), me["data"]!["me"]!["id"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes(string provider)
    {
        await using var app = await TokenApp.StartAsync(provider);
        await app.AddUserAsync("ravi");
        var start = app.Time.GetUtcNow();

        for (var attempt = 1; attempt < 5; attempt++)
        {
            var (wrongStatus, wrong) = await app.PasswordGrantAsync("ravi", "wrong");
            Assert.Equal(400, wrongStatus);
            Assert.Equal("invalid_grant", wrong["error"]!.GetValue<string>());
        }

        var (_, locked) = await app.PasswordGrantAsync("ravi", "wrong");
        Assert.Equal("account_locked", locked["error"]!.GetValue<string>());
        var until = UnlockTime(locked);
        Assert.Equal(start + TimeSpan.FromMinutes(15), until, TimeSpan.FromSeconds(1));

        // Even the right password is refused while the lock holds.
        Assert.Equal("account_locked", (await app.PasswordGrantAsync("ravi", TokenApp.Password)).Body["error"]!.GetValue<string>());

        app.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        // The lock expired: the counter starts again, so one wrong password does not lock it anew.
        Assert.Equal("invalid_grant", (await app.PasswordGrantAsync("ravi", "wrong")).Body["error"]!.GetValue<string>());
        Assert.Equal(200, (await app.PasswordGrantAsync("ravi", TokenApp.Password)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Unverified_and_inactive_users_are_refused_and_an_unknown_user_looks_like_a_wrong_password(string provider)
    {
        await using var app = await TokenApp.StartAsync(provider);
        await app.AddUserAsync("unverified", verified: false);
        await app.AddUserAsync("inactive", active: false);
        await app.AddUserAsync("known");

        Assert.Equal("email_not_verified", (await app.PasswordGrantAsync("unverified", TokenApp.Password)).Body["error"]!.GetValue<string>());
        Assert.Equal("invalid_grant", (await app.PasswordGrantAsync("inactive", TokenApp.Password)).Body["error"]!.GetValue<string>());

        var unknown = await app.PasswordGrantAsync("nobody", "whatever");
        var wrong = await app.PasswordGrantAsync("known", "whatever");
        Assert.Equal(wrong.Status, unknown.Status);
        Assert.Equal(wrong.Body.ToJson(), unknown.Body.ToJson());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_bootstrap_admin_exists_pre_verified_and_signs_in(string provider)
    {
        await using var app = await TokenApp.StartAsync(provider);

        var (status, body) = await app.PasswordGrantAsync("admin", TokenApp.AdminPassword);

        Assert.Equal(200, status);
        var me = await app.QueryAsync("{ me { username userType } }", body["access_token"]!.GetValue<string>());
        Assert.Equal("""{"data":{"me":{"username":"admin","userType":"ADMIN"}}}""", me.ToJson());
    }

    internal static DateTimeOffset UnlockTime(System.Text.Json.Nodes.JsonObject error)
    {
        var description = error["error_description"]!.GetValue<string>();
        var text = description[(description.IndexOf("until ", StringComparison.Ordinal) + 6)..].TrimEnd('.');
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }
}
