using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Users.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Tests.Users;

/// <summary><c>registerStudent</c>, <c>verifyEmail</c> and <c>resendVerification</c> through <c>/graphql</c>.</summary>
public sealed class RegistrationTests
{
    private const string Verify = "mutation($t: String!) { verifyEmail(input: { token: $t }) { verified userErrors { code field } } }";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Registration_creates_an_unverified_student_whose_emailed_link_verifies_once(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;

        var registered = await app.RegisterAsync("asha", "Asha@Example.edu", "1ab21cs001");
        Assert.Equal("""{"data":{"registerStudent":{"userErrors":[]}}}""", registered.ToJson());

        await using (var db = await app.Users.CreateDbContextAsync())
        {
            var user = await db.Users.AsNoTracking().SingleAsync(ct);
            Assert.Equal(UserKind.Student, user.UserType);
            Assert.False(user.IsEmailVerified);
            Assert.False(user.IsStaff || user.IsSuperuser);
            Assert.StartsWith("AQAAAA", user.Password, StringComparison.Ordinal);   // Identity v3 hash, never the password
            Assert.Equal("1AB21CS001", (await db.Students.AsNoTracking().SingleAsync(ct)).Usn);
            Assert.Contains("user.registered", await db.AuditLog.Select(a => a.Action).ToListAsync(ct));
            Assert.DoesNotContain(await db.AccountTokens.Select(t => t.VerifierHash).ToListAsync(ct), h => h.Length != 64);
        }

        var token = await app.LinkTokenAsync("Asha@Example.edu", "verify-email");
        var message = Assert.Single(app.Mailbox());
        Assert.Equal("Confirm your CertifyTrack email address", message.Subject);
        await using (var db = await app.Users.CreateDbContextAsync())
        {
            Assert.DoesNotContain(await db.AccountTokens.Select(t => t.VerifierHash).ToListAsync(ct), h => token.Contains(h, StringComparison.Ordinal));
            Assert.Equal("", (await db.EmailOutbox.SingleAsync(ct)).HtmlBody);   // the sent link is not kept
        }

        var verified = await app.QueryAsync(Verify, variables: new { t = token });
        Assert.Equal("""{"data":{"verifyEmail":{"verified":true,"userErrors":[]}}}""", verified.ToJson());
        var again = await app.QueryAsync(Verify, variables: new { t = token });
        Assert.Equal(["INVALID_TOKEN"], again.UserErrorCodes("verifyEmail"));

        await using (var db = await app.Users.CreateDbContextAsync())
        {
            Assert.True((await db.Users.AsNoTracking().SingleAsync(ct)).IsEmailVerified);
            Assert.Contains("user.email_verified", await db.AuditLog.Select(a => a.Action).ToListAsync(ct));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_input_has_no_role_and_a_role_in_the_request_is_refused(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider);
        var fields = await app.QueryAsync("{ __type(name: \"RegisterStudentInput\") { inputFields { name } } }");
        var names = fields.Data("__type")["inputFields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).Order().ToArray();
        Assert.Equal(["admissionType", "department", "email", "firstName", "lastName", "password", "semester", "username", "usn"], names);

        var sneaky = await app.QueryAsync(
            """
            mutation { registerStudent(input: { username: "boss", email: "boss@example.edu", password: "Secret#2026", usn: "1AB21CS009",
              firstName: "B", lastName: "B", department: "CSE", semester: 1, admissionType: REGULAR, userType: ADMIN }) { userErrors { code } } }
            """);
        Assert.Null(sneaky["data"]);
        Assert.NotEmpty(sneaky.ErrorCodes());
        await using var db = await app.Users.CreateDbContextAsync();
        Assert.Equal(0, await db.Users.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_formats_weak_passwords_and_duplicates_are_user_errors(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider, new Dictionary<string, string?> { ["Users:Formats:EmailPattern"] = @"^[^@\s]+@college\.edu$" });

        var weak = await app.RegisterAsync("x", "a@elsewhere.org", "12", "password");
        Assert.Equal(["USERNAME_INVALID", "EMAIL_INVALID", "USN_INVALID", "WEAK_PASSWORD"], weak.UserErrorCodes("registerStudent"));
        var message = weak.Data("registerStudent")["userErrors"]![3]!["message"]!.GetValue<string>();
        Assert.Equal("The password needs an upper-case letter, a digit, a symbol.", message);

        Assert.Empty((await app.RegisterAsync("asha", "asha@college.edu", "1ab21cs001")).UserErrorCodes("registerStudent"));
        var duplicate = await app.RegisterAsync("ASHA", "ASHA@college.edu", "1AB21CS001");
        Assert.Equal(["USERNAME_TAKEN", "USN_TAKEN"], duplicate.UserErrorCodes("registerStudent"));   // a taken email is never told (RegistrationPrivacyTests)
        await using var db = await app.Users.CreateDbContextAsync();
        Assert.Equal(1, await db.Users.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Resending_answers_alike_for_unknown_addresses_and_keeps_the_old_link_working(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider);
        Assert.Empty((await app.RegisterAsync("asha", "asha@example.edu", "1ab21cs001")).UserErrorCodes("registerStudent"));
        var first = await app.LinkTokenAsync("asha@example.edu", "verify-email");
        const string Resend = "mutation($e: String!) { resendVerification(input: { email: $e }) { userErrors { code } } }";

        app.Users.Time.Advance(TimeSpan.FromMinutes(2));
        var known = await app.QueryAsync(Resend, variables: new { e = "ASHA@example.edu" });
        var unknown = await app.QueryAsync(Resend, variables: new { e = "nobody@example.edu" });
        Assert.Equal(known.ToJson(), unknown.ToJson());
        Assert.Equal("""{"data":{"resendVerification":{"userErrors":[]}}}""", known.ToJson());

        var second = await app.LinkTokenAsync("asha@example.edu", "verify-email");
        Assert.Equal(2, app.Mailbox().Count);
        Assert.NotEqual(first, second);
        Assert.Empty((await app.QueryAsync(Verify, variables: new { t = first })).UserErrorCodes("verifyEmail")); // asking again spoilt nothing
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_verification_link_expires_after_24_hours(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider);
        Assert.Empty((await app.RegisterAsync("asha", "asha@example.edu", "1ab21cs001")).UserErrorCodes("registerStudent"));
        var token = await app.LinkTokenAsync("asha@example.edu", "verify-email");
        app.Users.Time.Advance(TimeSpan.FromHours(24));
        Assert.Equal(["INVALID_TOKEN"], (await app.QueryAsync(Verify, variables: new { t = token })).UserErrorCodes("verifyEmail"));
    }
}
