using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Users.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Tests.Users;

/// <summary>
/// Phone numbers and dates of birth in <c>updateMyProfile</c>: checked against <c>Users:Formats</c> and the
/// clock, stored without separators, and only valid ones complete a profile. The fake clock says 2026-06-01.
/// </summary>
public sealed class ProfileFormatTests
{
    private const string Update =
        "mutation($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { user { student { profileCompleted } } userErrors { code field } } }";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_junk_phone_number_or_an_impossible_birth_date_is_refused_and_completes_nothing(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider);
        var token = await RegisterAsync(app);

        var junk = await app.QueryAsync(Update, token, new
        {
            input = new { phoneNumber = "12345", emergencyContactName = "Ravi Rao", emergencyContactPhone = "call me", dateOfBirth = "2999-01-01" },
        });
        Assert.Equal(
            """{"data":{"updateMyProfile":{"user":null,"userErrors":[{"code":"PHONE_INVALID","field":["input","phoneNumber"]},{"code":"DATE_OF_BIRTH_INVALID","field":["input","dateOfBirth"]},{"code":"PHONE_INVALID","field":["input","emergencyContactPhone"]}]}}}""",
            junk.ToJson());

        foreach (var phone in new[] { "+91 98450", "0000000000", "+0 123 456 789", "98450 00000 1", "+91 98450 00000 ext 5", "９８４５０００００", "+९१९८४५०००००००" })
        {
            Assert.Equal(["PHONE_INVALID"], (await app.QueryAsync(Update, token, new { input = new { phoneNumber = phone } })).UserErrorCodes("updateMyProfile"));
        }

        // Ages 15 to 100 on the day: 2011-06-01 is fifteen today, 1926-06-01 a hundred.
        foreach (var (date, code) in new[] { ("2026-06-02", "DATE_OF_BIRTH_INVALID"), ("2026-06-01", "DATE_OF_BIRTH_INVALID"), ("2011-06-02", "DATE_OF_BIRTH_INVALID"), ("1925-05-31", "DATE_OF_BIRTH_INVALID"), ("0001-01-01", "DATE_OF_BIRTH_INVALID") })
        {
            Assert.Equal([code], (await app.QueryAsync(Update, token, new { input = new { dateOfBirth = date } })).UserErrorCodes("updateMyProfile"));
        }

        await using (var db = await app.Users.CreateDbContextAsync())
        {
            var student = await db.Students.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(((string?)null, (string?)null, (string?)null, (DateOnly?)null, false), (student.PhoneNumber, student.EmergencyContactPhone, student.EmergencyContactName, student.DateOfBirth, student.ProfileCompleted));
        }

        foreach (var date in new[] { "2011-06-01", "1926-06-01" })
        {
            Assert.Empty((await app.QueryAsync(Update, token, new { input = new { dateOfBirth = date } })).UserErrorCodes("updateMyProfile"));
        }

        var valid = await app.QueryAsync(Update, token, new
        {
            input = new { phoneNumber = "+91\u00A098450-00000", emergencyContactName = "Ravi Rao", emergencyContactPhone = "(984) 501.1111", dateOfBirth = "2004-02-29" },
        });
        Assert.Equal("""{"data":{"updateMyProfile":{"user":{"student":{"profileCompleted":true}},"userErrors":[]}}}""", valid.ToJson());
        await using (var db = await app.Users.CreateDbContextAsync())
        {
            var student = await db.Students.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(("+919845000000", "9845011111", new DateOnly(2004, 2, 29)), (student.PhoneNumber, student.EmergencyContactPhone, student.DateOfBirth));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_phone_pattern_and_the_ages_are_the_institutions_to_set(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Users:Formats:PhonePattern"] = @"^\+91[6-9]\d{9}$",
            ["Users:Formats:MinAgeYears"] = "17",
            ["Users:Formats:MaxAgeYears"] = "40",
        });
        var token = await RegisterAsync(app);

        Assert.Equal(["PHONE_INVALID"], (await app.QueryAsync(Update, token, new { input = new { phoneNumber = "9845011111" } })).UserErrorCodes("updateMyProfile"));
        Assert.Equal(["PHONE_INVALID"], (await app.QueryAsync(Update, token, new { input = new { phoneNumber = "+1 415 555 0100" } })).UserErrorCodes("updateMyProfile"));
        Assert.Empty((await app.QueryAsync(Update, token, new { input = new { phoneNumber = "+91 98450 11111" } })).UserErrorCodes("updateMyProfile"));
        Assert.Equal(["DATE_OF_BIRTH_INVALID"], (await app.QueryAsync(Update, token, new { input = new { dateOfBirth = "2010-01-01" } })).UserErrorCodes("updateMyProfile"));
        Assert.Equal(["DATE_OF_BIRTH_INVALID"], (await app.QueryAsync(Update, token, new { input = new { dateOfBirth = "1980-01-01" } })).UserErrorCodes("updateMyProfile"));
        Assert.Empty((await app.QueryAsync(Update, token, new { input = new { dateOfBirth = "2005-01-01" } })).UserErrorCodes("updateMyProfile"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rows_written_before_the_rules_keep_their_values_but_junk_completes_no_profile(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider);
        var token = await RegisterAsync(app);
        var mentorId = (await app.Users.MentorAsync("guru", "EMP1")).UserId;
        await using (var db = await app.Users.CreateDbContextAsync())
        {
            var student = await db.Students.SingleAsync(TestContext.Current.CancellationToken);
            (student.PhoneNumber, student.EmergencyContactName, student.EmergencyContactPhone, student.DateOfBirth, student.ProfileCompleted) =
                ("12345", "Ravi Rao", "n/a", new DateOnly(2999, 1, 1), true);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var touched = await app.QueryAsync(Update, token, new { input = new { address = "12 MG Road, Bengaluru" } });

        Assert.Equal("""{"data":{"updateMyProfile":{"user":{"student":{"profileCompleted":false}},"userErrors":[]}}}""", touched.ToJson());
        await using (var db = await app.Users.CreateDbContextAsync())
        {
            var student = await db.Students.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(("12345", "n/a", new DateOnly(2999, 1, 1)), (student.PhoneNumber, student.EmergencyContactPhone, student.DateOfBirth));
        }

        // A mentor's phone number follows the same rule.
        var mentor = TestAuthenticationHandler.Token($"{mentorId}", "mentor");
        Assert.Equal(["PHONE_INVALID"], (await app.QueryAsync(Update, mentor, new { input = new { phoneNumber = "555" } })).UserErrorCodes("updateMyProfile"));
        Assert.Equal(["DATE_OF_BIRTH_INVALID"], (await app.QueryAsync(Update, mentor, new { input = new { dateOfBirth = "2999-01-01" } })).UserErrorCodes("updateMyProfile"));
    }

    /// <summary>Registers the student <c>asha</c> (1AB21CS001) and returns their bearer token.</summary>
    internal static async Task<string> RegisterAsync(AccountsApp app)
    {
        Assert.Empty((await app.RegisterAsync("asha", "asha@example.edu", "1ab21cs001")).UserErrorCodes("registerStudent"));
        await using var db = await app.Users.CreateDbContextAsync();
        var id = await db.Users.Where(u => u.UserType == UserKind.Student).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
        return TestAuthenticationHandler.Token($"{id}", "student");
    }
}
