using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Auth;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Users.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Users;

/// <summary>
/// Set-password invitations of admin-created and imported users: the emailed link, <c>setPassword</c>,
/// and signing in afterwards, through <c>/graphql</c>, the outbox and <c>/connect/token</c>.
/// </summary>
public sealed class InvitationTests
{
    private const string Create = "mutation($input: CreateUserInput!) { createUser(input: $input) { user { username } userErrors { code field } } }";
    private const string SetPassword = "mutation($t: String!, $p: String!) { setPassword(input: { token: $t, newPassword: $p }) { passwordSet userErrors { code field message } } }";
    private const string Reset = "mutation($t: String!, $p: String!) { resetPassword(input: { token: $t, newPassword: $p }) { reset userErrors { code field message } } }";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_created_user_sets_a_password_from_the_emailed_link_and_then_gets_a_token(string provider)
    {
        using var mail = new TestMailbox();
        await using var app = await TokenApp.StartAsync(provider, settings: mail.Settings);
        var (_, adminTokens) = await app.PasswordGrantAsync("admin", TokenApp.AdminPassword);
        var admin = adminTokens["access_token"]!.GetValue<string>();

        var (_, created) = await app.Client.PostGraphQLAsync(Create, new
        {
            input = new { username = "asha", email = "asha@example.edu", firstName = "Asha", lastName = "Rao", userType = "MENTOR", employeeId = "EMP7", department = "CSE" },
        }, accept: "application/json", token: admin);
        Assert.Equal("""{"data":{"createUser":{"user":{"username":"asha"},"userErrors":[]}}}""", created.ToJson());

        // No password yet: the grant is refused like a wrong password (and does not fail).
        var (before, refused) = await app.PasswordGrantAsync("asha", "Anything#2026");
        Assert.Equal((400, "invalid_grant"), (before, refused["error"]!.GetValue<string>()));

        await TestMailbox.DeliverAsync(app.App.Services);
        var message = Assert.Single(mail.Messages(), m => m.To.Mailboxes.Single().Address == "asha@example.edu");
        Assert.Equal("Your CertifyTrack account is ready: choose a password", message.Subject);
        Assert.Contains("<strong>asha</strong>", message.HtmlBody, StringComparison.Ordinal);
        var token = TestMailbox.TokenIn(message, "set-password");

        var weak = await GraphQLAsync(app, SetPassword, new { t = token, p = "weak" });
        Assert.Equal(["WEAK_PASSWORD"], weak.UserErrorCodes("setPassword"));            // a weak password does not spend the link
        var set = await GraphQLAsync(app, SetPassword, new { t = token, p = "Chosen#Pass2026" });
        Assert.Equal("""{"data":{"setPassword":{"passwordSet":true,"userErrors":[]}}}""", set.ToJson());

        var (status, tokens) = await app.PasswordGrantAsync("asha", "Chosen#Pass2026");
        Assert.Equal(200, status);
        var me = await app.QueryAsync("{ me { username userType } }", tokens["access_token"]!.GetValue<string>());
        Assert.Equal("""{"data":{"me":{"username":"asha","userType":"MENTOR"}}}""", me.ToJson());

        var again = await GraphQLAsync(app, SetPassword, new { t = token, p = "Other#Pass2026" });
        Assert.Equal(["INVALID_TOKEN"], again.UserErrorCodes("setPassword"));
        Assert.Equal(200, (await app.PasswordGrantAsync("asha", "Chosen#Pass2026")).Status);   // the reused link changed nothing

        await using var db = await app.App.Services.GetRequiredService<IDbContextFactory<CertifyTrack.Modules.Users.Persistence.UsersDbContext>>()
            .CreateDbContextAsync(TestContext.Current.CancellationToken);
        var actions = await db.AuditLog.Select(a => a.Action).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Contains("user.set_password_invited", actions);
        Assert.Contains("user.password_set", actions);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Expired_wrong_and_other_purpose_tokens_are_refused_with_one_answer(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider);
        var (_, admin) = await app.Users.AdminAsync();
        foreach (var name in new[] { "early", "late" })
        {
            var body = await app.QueryAsync(Create, admin, new
            {
                input = new { username = name, email = $"{name}@example.edu", firstName = "F", lastName = "L", userType = "ADMIN" },
            });
            Assert.Empty(body.UserErrorCodes("createUser"));
        }

        var early = await app.LinkTokenAsync("early@example.edu", "set-password");
        var late = await app.LinkTokenAsync("late@example.edu", "set-password");
        await app.QueryAsync("mutation { requestPasswordReset(input: { email: \"early@example.edu\" }) { userErrors { code } } }");
        var reset = await app.LinkTokenAsync("early@example.edu", "reset-password");

        var refusals = new[]
        {
            await app.QueryAsync(SetPassword, variables: new { t = early[..16] + new string('x', early.Length - 16), p = "Chosen#Pass2026" }),   // right selector, wrong verifier
            await app.QueryAsync(SetPassword, variables: new { t = "no-such-token-at-all-0123456789", p = "Chosen#Pass2026" }),
            await app.QueryAsync(SetPassword, variables: new { t = reset, p = "Chosen#Pass2026" }),                                          // a reset link is no invitation
        };
        var resetWithInvitation = await app.QueryAsync(Reset, variables: new { t = late, p = "Chosen#Pass2026" });                           // nor the other way round
        Assert.All(refusals, r => Assert.Equal(
            """{"data":{"setPassword":{"passwordSet":false,"userErrors":[{"code":"INVALID_TOKEN","field":["input","token"],"message":"This link is invalid or has expired. Ask for a new one."}]}}}""",
            r.ToJson()));
        Assert.Equal(["INVALID_TOKEN"], resetWithInvitation.UserErrorCodes("resetPassword"));

        // Seven days: the link still works a minute before, and not a minute after.
        app.Users.Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.Empty((await app.QueryAsync(SetPassword, variables: new { t = early, p = "Chosen#Pass2026" })).UserErrorCodes("setPassword"));
        app.Users.Time.Advance(TimeSpan.FromMinutes(2));
        var expired = await app.QueryAsync(SetPassword, variables: new { t = late, p = "Chosen#Pass2026" });
        Assert.Equal(refusals[0].ToJson(), expired.ToJson());

        await using var db = await app.Users.CreateDbContextAsync();
        var users = await db.Users.AsNoTracking().Where(u => u.Username != "root").OrderBy(u => u.Username).ToListAsync(TestContext.Current.CancellationToken);
        Assert.True(await PasswordHashing.VerifyAsync(users[0], "Chosen#Pass2026", TestContext.Current.CancellationToken));
        Assert.Equal("!", users[1].Password);                                               // "late" still has none
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_import_emails_one_invitation_per_new_user_and_no_secret_is_in_any_response(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider);
        var (_, admin) = await app.Users.AdminAsync();
        const string Import = "mutation($input: ImportUsersInput!) { importUsers(input: $input) { importedCount checkedCount userErrors { code field message } } }";
        var csv = "username,email,first_name,last_name,user_type,usn,department,semester\n"
            + "kiran,kiran@example.edu,Kiran,K,student,1AB21CS001,CSE,3\n"
            + "meera,meera@example.edu,Meera,M,student,1AB21CS002,CSE,5\n"
            + "dean,dean@example.edu,Dean,D,admin,,,\n";

        var dry = await app.QueryAsync(Import, admin, new { input = new { csv, dryRun = true } });
        Assert.Equal(0, await app.DeliverMailAsync());                                       // a dry run sends nothing
        var body = await app.QueryAsync(Import, admin, new { input = new { csv } });
        Assert.Equal("""{"data":{"importUsers":{"importedCount":3,"checkedCount":3,"userErrors":[]}}}""", body.ToJson());

        Assert.Equal(3, await app.DeliverMailAsync());
        var invitations = app.Mailbox();
        Assert.Equal(["dean@example.edu", "kiran@example.edu", "meera@example.edu"], invitations.Select(m => m.To.Mailboxes.Single().Address).Order());
        var tokens = invitations.Select(m => TestMailbox.TokenIn(m, "set-password")).ToList();
        Assert.Equal(3, tokens.Distinct().Count());
        foreach (var response in new[] { dry, body })
        {
            var json = response.ToJson();
            Assert.DoesNotContain("password", json, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("token", json, StringComparison.OrdinalIgnoreCase);
            Assert.All(tokens, t => Assert.DoesNotContain(t[..16], json, StringComparison.Ordinal));
        }

        var kiran = TestMailbox.TokenIn(invitations.Single(m => m.To.Mailboxes.Single().Address == "kiran@example.edu"), "set-password");
        Assert.Empty((await app.QueryAsync(SetPassword, variables: new { t = kiran, p = "Chosen#Pass2026" })).UserErrorCodes("setPassword"));
        await using var db = await app.Users.CreateDbContextAsync();
        var users = await db.Users.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        Assert.True(await PasswordHashing.VerifyAsync(users.Single(u => u.Username == "kiran"), "Chosen#Pass2026", TestContext.Current.CancellationToken));
        Assert.All(users.Where(u => u.Username is "meera" or "dean"), u => Assert.Equal("!", u.Password));
    }

    private static async Task<JsonObject> GraphQLAsync(TokenApp app, string query, object variables)
    {
        var (_, body) = await app.Client.PostGraphQLAsync(query, variables, accept: "application/json");
        return body;
    }
}
