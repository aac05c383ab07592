using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Users.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Users;

/// <summary>
/// Concurrent <c>createUser</c>, <c>registerStudent</c> and <c>importUsers</c> with the same username,
/// email or USN through <c>/graphql</c>. A <see cref="TransactionBarrier"/> lets every request pass
/// its own checks before any of them writes, so the unique index decides each time: the losers get
/// the user error a taken value always gets, never a masked fault, and nothing of theirs is written.
/// </summary>
public sealed class ConcurrentCreationTests
{
    private const string Create = "mutation($input: CreateUserInput!) { createUser(input: $input) { user { username } userErrors { code field } } }";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Eight_createUser_with_one_username_one_wins_and_seven_get_USERNAME_TAKEN(string provider)
    {
        await using var app = await StartAsync(provider);
        var (_, admin) = await app.Users.AdminAsync();
        var barrier = app.Users.App.Services.GetRequiredService<TransactionBarrier>();
        barrier.Arm(8);

        var bodies = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => RaceAsync(app, Create, admin, new
        {
            input = new { username = "asha", email = $"asha{i}@example.edu", firstName = "Asha", lastName = "Rao", userType = "STUDENT", usn = $"1AB21CS00{i}", department = "CSE", semester = 3 },
        })));

        Assert.Equal(8, barrier.Arrived);
        Assert.All(bodies, b => Assert.Empty(b.ErrorCodes()));
        var payloads = bodies.Select(b => b.Data("createUser")).ToList();
        Assert.Single(payloads, p => p["user"] is not null && p["userErrors"]!.AsArray().Count == 0);
        Assert.Equal(7, payloads.Count(p => p["user"] is null && CreateUserTests.Errors(p).SequenceEqual(["USERNAME_TAKEN input.username"])));

        var ct = TestContext.Current.CancellationToken;
        await using var db = await app.Users.CreateDbContextAsync();
        var winner = await db.Users.SingleAsync(u => u.Username == "asha", ct);
        Assert.Equal(2, await db.Users.CountAsync(ct));                                  // root and the winner
        Assert.Equal(1, await db.Students.CountAsync(ct));
        Assert.Equal([winner.Id], await db.AccountTokens.Select(t => t.UserId).ToListAsync(ct));
        Assert.Equal([winner.Email], await db.EmailOutbox.Select(e => e.ToAddress).ToListAsync(ct));
        Assert.Equal(["user.created", "user.set_password_invited"], await app.Users.AuditActionsAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_registrations_with_one_USN_or_one_email_leave_one_account(string provider)
    {
        await using var app = await StartAsync(provider);
        var barrier = app.Users.App.Services.GetRequiredService<TransactionBarrier>();
        var ct = TestContext.Current.CancellationToken;

        barrier.Arm(6);
        var sameUsn = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => RaceAsync(app, Register, null, RegisterInput($"usn{i}", $"usn{i}@example.edu", "1AB21CS777"))));
        Assert.Equal(6, barrier.Arrived);
        Assert.All(sameUsn, b => Assert.Empty(b.ErrorCodes()));
        Assert.Single(sameUsn, b => b.UserErrorCodes("registerStudent").Length == 0);
        Assert.Equal(5, sameUsn.Count(b => b.UserErrorCodes("registerStudent").SequenceEqual(["USN_TAKEN"])));

        barrier.Arm(6);
        var sameEmail = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => RaceAsync(app, Register, null, RegisterInput($"mail{i}", "same@example.edu", $"1AB21CS80{i}"))));
        Assert.Equal(6, barrier.Arrived);
        Assert.All(sameEmail, b => Assert.Equal("""{"data":{"registerStudent":{"userErrors":[]}}}""", b.ToJson()));   // a taken email is not told

        await using var db = await app.Users.CreateDbContextAsync();
        Assert.Equal(2, await db.Users.CountAsync(ct));
        Assert.Equal(2, await db.Students.CountAsync(ct));
        Assert.Equal(1, await db.Users.CountAsync(u => u.NormalizedEmail == "SAME@EXAMPLE.EDU", ct));
        var owner = await db.Users.SingleAsync(u => u.NormalizedEmail == "SAME@EXAMPLE.EDU", ct);
        Assert.Equal(2, await db.AccountTokens.CountAsync(ct));                          // one verification link per account
        var notices = await db.EmailOutbox.Where(e => e.Template == AccountMail.RegistrationNoticeTemplate).Select(e => e.ToAddress).ToListAsync(ct);
        Assert.NotEmpty(notices);
        Assert.All(notices, to => Assert.Equal(owner.Email, to));
        var actions = await db.AuditLog.Select(a => a.Action).ToListAsync(ct);
        Assert.Equal(2, actions.Count(a => a == "user.registered"));
        Assert.Equal(5, actions.Count(a => a == "user.registration_attempted"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_imports_sharing_a_username_one_is_written_whole_and_the_other_not_at_all(string provider)
    {
        await using var app = await StartAsync(provider);
        var (_, admin) = await app.Users.AdminAsync();
        var barrier = app.Users.App.Services.GetRequiredService<TransactionBarrier>();
        const string Import = "mutation($input: ImportUsersInput!) { importUsers(input: $input) { importedCount userErrors { code field } } }";
        static string Csv(string prefix) =>
            "username,email,first_name,last_name,user_type\n"
            + $"{prefix}1,{prefix}1@example.edu,A,B,admin\n{prefix}2,{prefix}2@example.edu,A,B,admin\nshared,shared-{prefix}@example.edu,A,B,admin\n";

        barrier.Arm(2);
        var bodies = await Task.WhenAll(
            RaceAsync(app, Import, admin, new { input = new { csv = Csv("aa") } }),
            RaceAsync(app, Import, admin, new { input = new { csv = Csv("bb") } }));

        Assert.Equal(2, barrier.Arrived);
        Assert.All(bodies, b => Assert.Empty(b.ErrorCodes()));
        var payloads = bodies.Select(b => b.Data("importUsers")).ToList();
        Assert.Single(payloads, p => p["importedCount"]!.GetValue<int>() == 3 && p["userErrors"]!.AsArray().Count == 0);
        Assert.Single(payloads, p => p["importedCount"]!.GetValue<int>() == 0
            && CreateUserTests.Errors(p).SequenceEqual(["USERNAME_TAKEN input.csv.line 4.username"]));

        var ct = TestContext.Current.CancellationToken;
        await using var db = await app.Users.CreateDbContextAsync();
        var prefix = (await db.Users.SingleAsync(u => u.Username == "shared", ct)).Email["shared-".Length..][..2];
        Assert.Equal(new[] { "root", $"{prefix}1", $"{prefix}2", "shared" }.Order(StringComparer.Ordinal), (await db.Users.Select(u => u.Username).ToListAsync(ct)).Order(StringComparer.Ordinal));
        Assert.Equal(3, await db.AccountTokens.CountAsync(ct));
        Assert.Equal(3, await db.EmailOutbox.CountAsync(ct));
        Assert.Equal(["user.imported", "user.set_password_invited"], await app.Users.AuditActionsAsync());
    }

    private const string Register = "mutation($input: RegisterStudentInput!) { registerStudent(input: $input) { userErrors { code field } } }";

    private static object RegisterInput(string username, string email, string usn) => new
    {
        input = new { username, email, password = "Secret#2026", usn, firstName = "Asha", lastName = "Rao", department = "CSE", semester = 3, admissionType = "REGULAR" },
    };

    private static Task<AccountsApp> StartAsync(string provider) =>
        AccountsApp.StartAsync(provider, configureServices: services =>
        {
            services.AddSingleton<TransactionBarrier>();
            services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<TransactionBarrier>());
        });

    private static async Task<JsonObject> RaceAsync(AccountsApp app, string query, string? token, object variables)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Add(TransactionBarrier.Header, "1");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await app.Users.Client.SendAsync(request, TestContext.Current.CancellationToken);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
    }
}
