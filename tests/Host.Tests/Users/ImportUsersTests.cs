using System.Text;
using CertifyTrack.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Tests.Users;

/// <summary><c>importUsers</c>: every error by line and column, all or nothing, invitations, no passwords.</summary>
public sealed class ImportUsersTests
{
    private const string Import = """
        mutation($input: ImportUsersInput!) { importUsers(input: $input) { importedCount checkedCount userErrors { code message field } } }
        """;

    private const string Header = "username,email,first_name,last_name,user_type,usn,department,semester,admission_type,mentor_employee_id,employee_id,designation";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_with_errors_is_refused_whole_with_every_error_by_line_and_column(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        var (_, admin) = await app.AdminAsync();
        await app.MentorAsync("guru", "EMP1");
        await app.StudentsAsync("old", 1);
        var csv = string.Join('\n',
            Header,
            "good1,good1@example.edu,A,B,student,1ab21cs001,CSE,3,regular,EMP1,,",            // line 2: fine
            "dup,dup@example.edu,A,B,student,1ab21cs002,CSE,3,,,,",                           // line 3: fine (first)
            "DUP,other@example.edu,A,B,student,1ab21cs003,CSE,3,,,,",                         // line 4: username duplicate in file
            "old0,bad-email,A,B,student,1ab21cs004,CSE,3,,,,",                                // line 5: taken in DB + bad email
            "bad,bad@example.edu,A,B,student,12,CSE,9,,NOPE,,",                               // line 6: bad USN, bad semester, unknown mentor
            "usn,usn@example.edu,A,B,student,1xxold0000,CSE,1,,,,",                           // line 7: USN taken in DB
            "who,who@example.edu,A,B,wizard,,,,,,,");                                        // line 8: bad user type

        var body = await app.QueryAsync(Import, admin, new { input = new { csv } });

        Assert.Empty(body.ErrorCodes());
        Assert.Equal(
            [
                "DUPLICATE_IN_INPUT input.csv.line 4.username",
                "EMAIL_INVALID input.csv.line 5.email",
                "USERNAME_TAKEN input.csv.line 5.username",
                "USN_INVALID input.csv.line 6.usn",
                "SEMESTER_INVALID input.csv.line 6.semester",
                "MENTOR_NOT_FOUND input.csv.line 6.mentor_employee_id",
                "USN_TAKEN input.csv.line 7.usn",
                "USER_TYPE_INVALID input.csv.line 8.user_type",
            ],
            Sorted(body));
        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(3, await db.Users.CountAsync(TestContext.Current.CancellationToken));   // root, guru, old0: nothing imported
        Assert.Empty(await app.AuditActionsAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_clean_file_imports_everyone_with_profiles_and_invitations(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        var (_, admin) = await app.AdminAsync();
        await app.MentorAsync("guru", "EMP1");
        var csv = new StringBuilder(Header).Append('\n')
            .Append("newguru,newguru@example.edu,New,Guru,mentor,,ECE,,,,EMP9,Professor\n")
            .Append("rao.a,rao@example.edu,\"Asha \"\"A\"\"\",\"Rao, A\",student,1ab21cs001,CSE,3,lateral,EMP9,,\n")
            .Append("kiran,kiran@example.edu,Kiran,K,student,1ab21cs002,CSE,5,,EMP1,,\n")
            .Append("boss,boss@example.edu,B,S,admin,,,,,,,\n");
        var ct = TestContext.Current.CancellationToken;

        var dry = await app.QueryAsync(Import, admin, new { input = new { csv = csv.ToString(), dryRun = true } });
        Assert.Equal(4, dry.Data("importUsers")["checkedCount"]!.GetValue<int>());
        Assert.Equal(0, dry.Data("importUsers")["importedCount"]!.GetValue<int>());

        var body = await app.QueryAsync(Import, admin, new { input = new { csv = csv.ToString() } });
        Assert.Empty(body.UserErrors("importUsers"));
        Assert.Equal(4, body.Data("importUsers")["importedCount"]!.GetValue<int>());

        await using var db = await app.CreateDbContextAsync();
        var newGuru = await db.Mentors.SingleAsync(m => m.EmployeeId == "EMP9", ct);
        var rao = await db.Users.SingleAsync(u => u.Username == "rao.a", ct);
        Assert.Equal(("Asha \"A\"", "Rao, A"), (rao.FirstName, rao.LastName));
        var raoStudent = await db.Students.SingleAsync(s => s.UserId == rao.Id, ct);
        Assert.Equal((newGuru.Id, "1AB21CS001", CertifyTrack.Modules.Users.Contracts.AdmissionType.Lateral), (raoStudent.MentorId!.Value, raoStudent.Usn, raoStudent.AdmissionType));
        var imported = await db.Users.Where(u => u.Username != "root" && u.Username != "guru").ToListAsync(ct);
        Assert.All(imported, u => Assert.Equal(("!", true), (u.Password, u.IsEmailVerified)));
        Assert.Equal(4, await db.AccountTokens.CountAsync(t => t.Purpose == CertifyTrack.Modules.Users.Accounts.TokenPurpose.SetPassword, ct));
        Assert.Equal(
            ["boss@example.edu", "kiran@example.edu", "newguru@example.edu", "rao@example.edu"],
            (await db.EmailOutbox.Where(e => e.Template == "set-password").Select(e => e.ToAddress).ToListAsync(ct)).Order());
        Assert.Equal(["user.imported", "user.set_password_invited"], await app.AuditActionsAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_headers_and_too_many_rows_are_refused(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        var (_, admin) = await app.AdminAsync();

        var header = await app.QueryAsync(Import, admin, new { input = new { csv = "username,mail,first_name,last_name,user_type\na,a@example.edu,A,B,admin" } });
        Assert.Equal(["UNKNOWN_COLUMN input.csv.line 1.mail", "MISSING_COLUMN input.csv.line 1.email"], Sorted(header));

        var rows = new StringBuilder("username,email,first_name,last_name,user_type\n");
        for (var i = 0; i <= 10_000; i++)
        {
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"u{i},u{i}@example.edu,A,B,admin\n");
        }

        var tooMany = await app.QueryAsync(Import, admin, new { input = new { csv = rows.ToString() } });
        Assert.Contains("TOO_MANY_ROWS input.csv", Sorted(tooMany));
    }

    private static string[] Sorted(System.Text.Json.Nodes.JsonObject body) => body.UserErrorPaths("importUsers");
}
