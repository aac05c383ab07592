using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Auth;
using CertifyTrack.Modules.Users.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Tests.Users;

/// <summary><c>createUser</c>, <c>setUserActive</c> and <c>unlockUser</c>: rules, authorization, audit.</summary>
public sealed class CreateUserTests
{
    private const string Create = """
        mutation($input: CreateUserInput!) { createUser(input: $input) {
          user { id username email userType isEmailVerified isActive student { usn semester mentor { employeeId } } mentor { employeeId } }
          userErrors { code field } } }
        """;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_admin_creates_a_preverified_student_who_gets_an_invitation_and_no_password(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        var (_, admin) = await app.AdminAsync();
        var (_, mentorId) = await app.MentorAsync("guru", "EMP1");
        var ct = TestContext.Current.CancellationToken;

        var body = await app.QueryAsync(Create, admin, new { input = new
        {
            username = "asha", email = "asha@example.edu", firstName = "Asha", lastName = "Rao", userType = "STUDENT",
            usn = "1ab21cs001", department = "CSE", semester = 3, mentorId = AdminSeed.Id("Mentor", mentorId),
        } });

        var payload = body.Data("createUser");
        Assert.Empty(payload["userErrors"]!.AsArray());
        Assert.Equal("1AB21CS001", payload["user"]!["student"]!["usn"]!.GetValue<string>());
        Assert.Equal("EMP1", payload["user"]!["student"]!["mentor"]!["employeeId"]!.GetValue<string>());
        Assert.True(payload["user"]!["isEmailVerified"]!.GetValue<bool>());
        Assert.DoesNotContain("password", body.ToJson(), StringComparison.OrdinalIgnoreCase);

        await using var db = await app.CreateDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.Username == "asha", ct);
        Assert.Equal("!", user.Password);
        var token = await db.AccountTokens.SingleAsync(t => t.UserId == user.Id, ct);
        Assert.Equal((TokenPurpose.SetPassword, 64), (token.Purpose, token.VerifierHash.Length));
        Assert.Equal("asha@example.edu", (await db.EmailOutbox.SingleAsync(ct)).ToAddress);
        Assert.Equal(["user.created", "user.set_password_invited"], await app.AuditActionsAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_rule_is_reported_and_nothing_is_written(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        var (_, admin) = await app.AdminAsync();
        await app.StudentsAsync("old", 1);

        var invalid = await app.QueryAsync(Create, admin, new { input = new
        {
            username = "x", email = "not-an-email", firstName = "", lastName = "L", userType = "STUDENT", usn = "12", department = "CSE", semester = 9,
        } });
        Assert.Equal(
            ["USERNAME_INVALID input.username", "REQUIRED input.firstName", "EMAIL_INVALID input.email", "USN_INVALID input.usn", "SEMESTER_INVALID input.semester"],
            invalid.UserErrorPaths("createUser"));

        var taken = await app.QueryAsync(Create, admin, new { input = new
        {
            username = "OLD0", email = "Old0@Example.edu", firstName = "F", lastName = "L", userType = "STUDENT", usn = "1xxold0000", department = "CSE", semester = 1,
        } });
        Assert.Equal(["USERNAME_TAKEN input.username", "EMAIL_TAKEN input.email", "USN_TAKEN input.usn"], taken.UserErrorPaths("createUser"));

        var mentorMissing = await app.QueryAsync(Create, admin, new { input = new
        {
            username = "mentor.m", email = "m@example.edu", firstName = "F", lastName = "L", userType = "MENTOR", department = "CSE",
        } });
        Assert.Equal(["REQUIRED input.employeeId"], mentorMissing.UserErrorPaths("createUser"));
        Assert.Empty(await app.AuditActionsAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Mentors_and_students_are_forbidden_every_admin_mutation(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        var target = AdminSeed.Id("User", await app.AddUserAsync("target"));
        string[] mutations =
        [
            """mutation { createUser(input: { username: "a", email: "a@example.edu", firstName: "A", lastName: "B", userType: ADMIN }) { userErrors { code } } }""",
            """mutation { importUsers(input: { csv: "username,email,first_name,last_name,user_type\na,a@example.edu,A,B,admin" }) { importedCount } }""",
            $$"""mutation { setUserActive(input: { userId: "{{target}}", isActive: false }) { userErrors { code } } }""",
            $$"""mutation { unlockUser(input: { userId: "{{target}}" }) { userErrors { code } } }""",
            $$"""mutation { assignMentor(input: { mentorId: "{{AdminSeed.Id("Mentor", 1)}}", studentIds: [] }) { userErrors { code } } }""",
            """{ users { totalCount } }""",
        ];
        foreach (var mutation in mutations)
        {
            foreach (var role in new[] { "mentor", "student", "club_organizer" })
            {
                var body = await app.QueryAsync(mutation, TestAuthenticationHandler.Token("7", role));
                Assert.Equal(["FORBIDDEN"], body.ErrorCodes());
            }

            Assert.Equal(["UNAUTHENTICATED"], (await app.QueryAsync(mutation)).ErrorCodes());
        }

        Assert.Empty(await app.AuditActionsAsync());
        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(1, await db.Users.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_admin_disables_enables_and_unlocks_users_and_each_change_is_audited(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        var (adminId, admin) = await app.AdminAsync();
        var userId = await app.AddUserAsync("locked");
        var ct = TestContext.Current.CancellationToken;
        await using (var db = await app.CreateDbContextAsync())
        {
            db.LoginFailures.AddRange(  // locked from two networks
                new LoginFailure { Username = "LOCKED", Source = "203.0.113.0/24", FailedAttempts = 5, LockedUntil = DateTime.UtcNow.AddMinutes(15), LastAttemptAt = DateTime.UtcNow },
                new LoginFailure { Username = "LOCKED", Source = "2001:db8::/64", FailedAttempts = 7, LockedUntil = DateTime.UtcNow.AddMinutes(15), LastAttemptAt = DateTime.UtcNow },
                new LoginFailure { Username = "OTHER", Source = "203.0.113.0/24", FailedAttempts = 2, LastAttemptAt = DateTime.UtcNow });
            await db.SaveChangesAsync(ct);
        }

        var id = AdminSeed.Id("User", userId);
        var off = await app.QueryAsync($$"""mutation { setUserActive(input: { userId: "{{id}}", isActive: false }) { user { isActive } userErrors { code field } } }""", admin);
        Assert.False(off.Data("setUserActive")["user"]!["isActive"]!.GetValue<bool>());
        await app.QueryAsync($$"""mutation { setUserActive(input: { userId: "{{id}}", isActive: true }) { userErrors { code field } } }""", admin);
        var self = await app.QueryAsync($$"""mutation { setUserActive(input: { userId: "{{AdminSeed.Id("User", adminId)}}", isActive: false }) { userErrors { code field } } }""", admin);
        Assert.Equal(["CANNOT_DEACTIVATE_SELF input.userId"], self.UserErrorPaths("setUserActive"));
        var missing = await app.QueryAsync($$"""mutation { unlockUser(input: { userId: "{{AdminSeed.Id("User", 999_999)}}" }) { userErrors { code field } } }""", admin);
        Assert.Equal(["USER_NOT_FOUND input.userId"], missing.UserErrorPaths("unlockUser"));
        var unlock = await app.QueryAsync($$"""mutation { unlockUser(input: { userId: "{{id}}" }) { userErrors { code field } } }""", admin);
        Assert.Empty(unlock.UserErrors("unlockUser"));

        await using var check = await app.CreateDbContextAsync();
        var user = await check.Users.SingleAsync(u => u.Id == userId, ct);
        Assert.True(user.IsActive);
        Assert.Equal(["OTHER"], await check.LoginFailures.Select(f => f.Username).ToListAsync(ct));
        Assert.Equal(["user.deactivated", "user.activated", "user.unlocked"], await app.AuditActionsAsync());
        Assert.All(await check.AuditLog.ToListAsync(ct), a => Assert.Equal(adminId, a.UserId));
    }

    internal static string[] Errors(JsonNode payload) =>
        [.. payload["userErrors"]!.AsArray().Select(e => $"{e!["code"]} {string.Join('.', e["field"]!.AsArray().Select(f => f!.GetValue<string>()))}")];
}
