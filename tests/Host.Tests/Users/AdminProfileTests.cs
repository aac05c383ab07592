using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Users.Notifications;
using CertifyTrack.Shared.Notifications;
using Microsoft.EntityFrameworkCore;
using static CertifyTrack.Host.Tests.Infrastructure.TestAuthenticationHandler;

namespace CertifyTrack.Host.Tests.Users;

/// <summary>
/// <c>updateUserProfile</c>: admins change the fields students and mentors may not change themselves,
/// under the creation rules and codes, audited with old and new values, the user notified
/// (<c>account_updated</c>, following their preferences).
/// </summary>
public sealed class AdminProfileTests
{
    private const string Update = "mutation($input: UpdateUserProfileInput!) { updateUserProfile(input: $input) { user { student { usn department semester admissionType } mentor { employeeId department } } userErrors { code field } } }";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_admin_changes_a_students_and_a_mentors_fields_audited_and_notified(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        var (_, admin) = await app.AdminAsync();
        var (guruUser, _) = await app.MentorAsync("guru", "EMP1");
        var student = (await app.StudentsAsync("s", 1))[0];
        var studentUser = await UserOfAsync(app, student);

        var changed = await app.QueryAsync(Update, admin, new { input = new { userId = AdminSeed.Id("User", studentUser), usn = " 1xxnew0001 ", department = "ECE", semester = 5, admissionType = "LATERAL" } });
        Assert.Equal("""{"user":{"student":{"usn":"1XXNEW0001","department":"ECE","semester":5,"admissionType":"LATERAL"},"mentor":null},"userErrors":[]}""", changed.Data("updateUserProfile").ToJson());
        var mentor = await app.QueryAsync(Update, admin, new { input = new { userId = AdminSeed.Id("User", guruUser), employeeId = "EMP9", department = "MECH" } });
        Assert.Equal("""{"student":null,"mentor":{"employeeId":"EMP9","department":"MECH"}}""", mentor.Data("updateUserProfile")["user"].ToJson());

        await using var db = await app.CreateDbContextAsync();
        var audit = await db.AuditLog.Where(a => a.Action == "user.profile_updated").OrderBy(a => a.Id).ToListAsync(Ct);
        Assert.Equal(2, audit.Count);
        Assert.Equal(("1XXS0000", 3), (Value(audit[0].OldValues, "usn").GetValue<string>(), Value(audit[0].OldValues, "semester").GetValue<int>()));
        Assert.Equal(("1XXNEW0001", 5), (Value(audit[0].NewValues, "usn").GetValue<string>(), Value(audit[0].NewValues, "semester").GetValue<int>()));
        Assert.Equal(("EMP1", "EMP9"), (Value(audit[1].OldValues, "employeeId").GetValue<string>(), Value(audit[1].NewValues, "employeeId").GetValue<string>()));
        var notices = await db.Notifications.Where(n => n.UserId == studentUser || n.UserId == guruUser).OrderBy(n => n.Id).ToListAsync(Ct);
        Assert.Equal([NotificationKinds.AccountUpdated, NotificationKinds.AccountUpdated], notices.Select(n => n.Kind));
        Assert.Contains("usn, department, semester, admissionType", notices[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Broken_rules_are_user_errors_and_change_nothing(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        var (_, admin) = await app.AdminAsync();
        var (guruUser, _) = await app.MentorAsync("guru", "EMP1");
        await app.MentorAsync("tutor", "EMP2");
        var students = await app.StudentsAsync("s", 2);
        var first = await UserOfAsync(app, students[0]);

        async Task<string[]> Errors(object input) => (await app.QueryAsync(Update, admin, new { input })).UserErrorPaths("updateUserProfile");
        Assert.Equal(["USN_TAKEN input.usn"], await Errors(new { userId = AdminSeed.Id("User", first), usn = "1xxs0001" }));
        Assert.Equal(["EMPLOYEE_ID_TAKEN input.employeeId"], await Errors(new { userId = AdminSeed.Id("User", guruUser), employeeId = "EMP2" }));
        Assert.Equal(["USN_INVALID input.usn", "SEMESTER_INVALID input.semester"], await Errors(new { userId = AdminSeed.Id("User", first), usn = "nope", semester = 9 }));
        Assert.Equal(["NOT_ALLOWED input.employeeId"], await Errors(new { userId = AdminSeed.Id("User", first), employeeId = "EMP7" }));
        Assert.Equal(["NOT_ALLOWED input.usn", "NOT_ALLOWED input.semester"], await Errors(new { userId = AdminSeed.Id("User", guruUser), usn = "1XXS0009", semester = 2 }));
        Assert.Equal(["USER_NOT_FOUND input.userId"], await Errors(new { userId = AdminSeed.Id("User", 999_999), department = "X" }));

        var student = await app.QueryAsync(Update, Token($"{first}", "student"), new { input = new { userId = AdminSeed.Id("User", first), department = "X" } });
        Assert.Equal(["FORBIDDEN"], student.ErrorCodes());

        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(["1XXS0000", "1XXS0001"], await db.Students.OrderBy(s => s.Id).Select(s => s.Usn).ToListAsync(Ct));
        Assert.Equal("EMP1", await db.Mentors.Where(m => m.UserId == guruUser).Select(m => m.EmployeeId).SingleAsync(Ct));
        Assert.Empty(await db.Notifications.ToListAsync(Ct));
        Assert.DoesNotContain("user.profile_updated", await app.AuditActionsAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_notice_follows_the_users_in_app_preference(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        var (_, admin) = await app.AdminAsync();
        var studentUser = await UserOfAsync(app, (await app.StudentsAsync("s", 1))[0]);
        await using (var db = await app.CreateDbContextAsync())
        {
            db.NotificationPreferences.Add(new NotificationPreference { UserId = studentUser, Kind = NotificationKinds.AccountUpdated, InApp = false, Email = false });
            await db.SaveChangesAsync(Ct);
        }

        var changed = await app.QueryAsync(Update, admin, new { input = new { userId = AdminSeed.Id("User", studentUser), semester = 4 } });
        Assert.Empty(changed.UserErrorCodes("updateUserProfile"));
        await using var check = await app.CreateDbContextAsync();
        Assert.Equal(4, await check.Students.Select(s => s.Semester).SingleAsync(Ct));
        Assert.Empty(await check.Notifications.ToListAsync(Ct));
    }

    private static JsonNode Value(string? json, string field) => JsonNode.Parse(json!)![field]!;

    internal static async Task<long> UserOfAsync(UsersApp app, long studentId)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Students.Where(s => s.Id == studentId).Select(s => s.UserId).SingleAsync(Ct);
    }
}
