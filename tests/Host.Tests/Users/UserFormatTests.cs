using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Users;

/// <summary>One <c>Users:Formats</c> section decides the emails and USNs of registration, <c>createUser</c> and <c>importUsers</c>.</summary>
public sealed class UserFormatTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Registration_createUser_and_importUsers_accept_the_same_formats(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Users:Formats:EmailPattern"] = @"@college\.edu$",
            ["Users:Formats:UsnPattern"] = @"^1AB\d{2}[A-Z]{2}\d{3}$",
        });
        var (_, admin) = await app.Users.AdminAsync();
        const string Create = "mutation($input: CreateUserInput!) { createUser(input: $input) { userErrors { code field } } }";
        const string Import = "mutation($csv: String!) { importUsers(input: { csv: $csv, dryRun: true }) { checkedCount userErrors { code field } } }";
        object CreateInput(string email, string usn) => new
        {
            input = new { username = "x" + usn, email, firstName = "F", lastName = "L", userType = "STUDENT", usn, department = "CSE", semester = 1 },
        };
        string Csv(string email, string usn) => $"username,email,first_name,last_name,user_type,usn,department,semester\nx{usn},{email},F,L,student,{usn},CSE,1\n";

        Assert.Equal(["EMAIL_INVALID", "USN_INVALID"], (await app.RegisterAsync("asha", "asha@gmail.com", "2XY21CS001")).UserErrorCodes("registerStudent"));
        Assert.Equal(
            ["EMAIL_INVALID input.email", "USN_INVALID input.usn"],
            (await app.QueryAsync(Create, admin, CreateInput("asha@gmail.com", "2XY21CS001"))).UserErrorPaths("createUser"));
        Assert.Equal(
            ["EMAIL_INVALID input.csv.line 2.email", "USN_INVALID input.csv.line 2.usn"],
            (await app.QueryAsync(Import, admin, new { csv = Csv("asha@gmail.com", "2XY21CS001") })).UserErrorPaths("importUsers"));

        // Both patterns match case-insensitively; a malformed address is refused whatever the pattern.
        Assert.Empty((await app.RegisterAsync("asha", "Asha@College.edu", "1ab21cs001")).UserErrorCodes("registerStudent"));
        Assert.Empty((await app.QueryAsync(Create, admin, CreateInput("ravi@college.edu", "1ab21cs002"))).UserErrorPaths("createUser"));
        Assert.Empty((await app.QueryAsync(Import, admin, new { csv = Csv("meera@COLLEGE.edu", "1ab21cs003") })).UserErrorPaths("importUsers"));
        Assert.Equal(["EMAIL_INVALID input.email"], (await app.QueryAsync(Create, admin, CreateInput("two@@college.edu", "1ab21cs004"))).UserErrorPaths("createUser"));
    }
}
