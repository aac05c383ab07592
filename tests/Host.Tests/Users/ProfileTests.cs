using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Users.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Tests.Users;

/// <summary><c>updateMyProfile</c> and <c>changePassword</c>: what a role may change, the computed completion, the password checks.</summary>
public sealed class ProfileTests
{
    private const string Update =
        "mutation($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { user { firstName student { usn department semester admissionType profileCompleted } } userErrors { code field } } }";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_student_cannot_change_usn_department_semester_or_admission_type(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider);
        var token = await RegisterAsync(app);

        (string Field, object Value)[] locked = [("usn", "9ZZ99ZZ999"), ("department", "MECH"), ("semester", 8), ("admissionType", "LATERAL")];
        foreach (var (field, value) in locked)
        {
            var input = new Dictionary<string, object> { [field] = value, ["firstName"] = "Changed" };
            var answer = await app.QueryAsync(Update, token, new { input });
            Assert.Equal("""{"data":{"updateMyProfile":{"user":null,"userErrors":[{"code":"NOT_ALLOWED","field":["input","FIELD"]}]}}}""".Replace("FIELD", field, StringComparison.Ordinal), answer.ToJson());
        }

        await using var db = await app.Users.CreateDbContextAsync();
        var student = await db.Students.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("1AB21CS001", "CSE", 3, AdmissionType.Regular), (student.Usn, student.Department, student.Semester, student.AdmissionType));
        Assert.Equal("Asha", (await db.Users.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken)).FirstName);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_profile_completes_when_the_required_fields_are_filled_and_the_change_is_audited(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider);
        var token = await RegisterAsync(app);

        var partial = await app.QueryAsync(Update, token, new { input = new { phoneNumber = "+91 98450 00000", dateOfBirth = "2004-02-29" } });
        Assert.False(partial.Data("updateMyProfile")["user"]!["student"]!["profileCompleted"]!.GetValue<bool>());

        var full = await app.QueryAsync(Update, token, new { input = new { emergencyContactName = "Ravi Rao", emergencyContactPhone = "+91 98450 11111", lastName = "Rao-Shetty" } });
        Assert.Equal(
            """{"data":{"updateMyProfile":{"user":{"firstName":"Asha","student":{"usn":"1AB21CS001","department":"CSE","semester":3,"admissionType":"REGULAR","profileCompleted":true}},"userErrors":[]}}}""",
            full.ToJson());

        var fields = await app.QueryAsync("{ __type(name: \"UpdateMyProfileInput\") { inputFields { name } } }");
        Assert.DoesNotContain(fields.Data("__type")["inputFields"]!.AsArray(), f => f!["name"]!.GetValue<string>() is "profileCompleted" or "userType" or "isEmailVerified");

        await using var db = await app.Users.CreateDbContextAsync();
        var audit = await db.AuditLog.AsNoTracking().Where(a => a.Action == "profile.updated").OrderBy(a => a.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, audit.Count);
        var newValues = JsonNode.Parse(audit[1].NewValues!)!;
        var oldValues = JsonNode.Parse(audit[1].OldValues!)!;
        Assert.Equal("Rao-Shetty", newValues["lastName"]!.GetValue<string>());
        Assert.True(newValues["profileCompleted"]!.GetValue<bool>());
        Assert.Equal("Rao", oldValues["lastName"]!.GetValue<string>());
        Assert.False(oldValues["profileCompleted"]!.GetValue<bool>());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Changing_the_password_needs_the_current_one_and_the_policy(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider);
        var token = await RegisterAsync(app);
        const string Change = "mutation($c: String!, $n: String!) { changePassword(input: { currentPassword: $c, newPassword: $n }) { changed userErrors { code field } } }";

        var anonymous = await app.QueryAsync(Change, variables: new { c = "Secret#2026", n = "Brand-new#2026" });
        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes());
        var wrong = await app.QueryAsync(Change, token, new { c = "Guess#2026x", n = "Brand-new#2026" });
        Assert.Equal(["WRONG_PASSWORD"], wrong.UserErrorCodes("changePassword"));
        var weak = await app.QueryAsync(Change, token, new { c = "Secret#2026", n = "alllowercase" });
        Assert.Equal(["WEAK_PASSWORD"], weak.UserErrorCodes("changePassword"));
        var changed = await app.QueryAsync(Change, token, new { c = "Secret#2026", n = "Brand-new#2026" });
        Assert.Equal("""{"data":{"changePassword":{"changed":true,"userErrors":[]}}}""", changed.ToJson());

        await using var db = await app.Users.CreateDbContextAsync();
        Assert.Contains("user.password_changed", await db.AuditLog.Select(a => a.Action).ToListAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<string> RegisterAsync(AccountsApp app)
    {
        Assert.Empty((await app.RegisterAsync("asha", "asha@example.edu", "1ab21cs001")).UserErrorCodes("registerStudent"));
        await using var db = await app.Users.CreateDbContextAsync();
        var id = await db.Users.Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
        return TestAuthenticationHandler.Token($"{id}", "student");
    }
}
