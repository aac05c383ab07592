using CertifyTrack.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Tests.Users;

/// <summary>
/// Person names refuse invisible and direction-changing characters and are stored NFC-normalised, on
/// registration, <c>createUser</c>, <c>importUsers</c> and <c>updateMyProfile</c> (names and the emergency contact).
/// </summary>
public sealed class PersonNameRulesTests
{
    private const string Update = "mutation($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { userErrors { code field } } }";

    private static readonly string[] Refused =
    [
        "Asha\u202Eahs",           // right-to-left override
        "\u2066Ravi\u2069",        // left-to-right isolate … pop
        "Ravi\u200F",              // right-to-left mark
        "Ravi\u200E Rao",          // left-to-right mark
        "Ravi\u061C",              // Arabic letter mark
        "Ra\u200Bvi",              // zero-width space
        "\uFEFFRavi",              // byte order mark
        "Ra\u00ADvi",              // soft hyphen
        "Ra\u2060vi",              // word joiner
        "Ra\u200Dvi",              // zero-width joiner after a Latin letter
        "Ravi\u3164",              // Hangul filler (an invisible "letter")
        "Ravi\uFE0F",              // variation selector
        "Ravi\U000E0041",          // tag character
        "Ravi\u2028Rao",           // line separator
        "Ravi\u00A0Rao",           // no-break space
        "Ravi\uE000",              // private use
        "\u200B\u200B",            // nothing visible at all
        "12345",                   // no letter
    ];

    public static TheoryData<string, string> PathsOnProviders => new()
    {
        { "sqlite", "registerStudent" }, { "sqlite", "createUser" }, { "sqlite", "importUsers" },
        { "postgres", "registerStudent" }, { "postgres", "createUser" }, { "postgres", "importUsers" },
    };

    [Theory]
    [MemberData(nameof(PathsOnProviders))]
    public async Task Invisible_and_direction_changing_characters_are_refused_in_names_of_new_users(string provider, string path)
    {
        await using var app = await AccountsApp.StartAsync(provider);
        var (_, admin) = await app.Users.AdminAsync();
        var paths = new NewUserPaths(app, admin);
        var (first, last) = path == "importUsers" ? ("first_name", "last_name") : ("firstName", "lastName");

        var i = 0;
        foreach (var name in Refused)
        {
            Assert.Equal([$"NAME_INVALID {first}"], await paths.CreateAsync(path, $"user{i++}", firstName: name));
            Assert.Equal([$"NAME_INVALID {last}"], await paths.CreateAsync(path, $"user{i++}", lastName: name));
        }

        await using var db = await app.Users.CreateDbContextAsync();
        Assert.Equal(1, await db.Users.CountAsync(TestContext.Current.CancellationToken));   // the admin
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Names_in_any_script_are_accepted_and_stored_NFC_normalised(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider);
        var (_, admin) = await app.Users.AdminAsync();
        var paths = new NewUserPaths(app, admin);

        Assert.Empty(await paths.CreateAsync("registerStudent", "ananya", firstName: "Ana\u0301nya", lastName: "D'Souza-Rao Jr."));
        Assert.Empty(await paths.CreateAsync("createUser", "anil", firstName: "അനില്\u200D", lastName: "क्\u200Cष"));   // chillu by ZWJ; ZWNJ half form
        Assert.Empty(await paths.CreateAsync("createUser", "wei", firstName: "\u5049", lastName: "Ελένη"));

        await using var db = await app.Users.CreateDbContextAsync();
        var users = await db.Users.Where(u => u.Username != "root").ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(
            ["An\u00E1nya|D'Souza-Rao Jr.", "\u0D05\u0D28\u0D3F\u0D32\u0D4D\u200D|\u0915\u094D\u200C\u0937", "\u5049|Ελένη"],
            users.OrderBy(u => u.Username, StringComparer.Ordinal).Select(u => u.FirstName + "|" + u.LastName));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_profile_update_refuses_the_same_characters_in_every_name_field(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider);
        var token = await ProfileFormatTests.RegisterAsync(app);

        foreach (var name in Refused)
        {
            foreach (var field in new[] { "firstName", "lastName", "emergencyContactName" })
            {
                var body = await app.QueryAsync(Update, token, new { input = new Dictionary<string, string> { [field] = name } });
                Assert.Equal("""{"data":{"updateMyProfile":{"userErrors":[{"code":"NAME_INVALID","field":["input","FIELD"]}]}}}""".Replace("FIELD", field, StringComparison.Ordinal), body.ToJson());
            }
        }

        var accepted = await app.QueryAsync(Update, token, new { input = new { firstName = "Ana\u0301nya", emergencyContactName = "Ravi Rao" } });
        Assert.Equal("""{"data":{"updateMyProfile":{"userErrors":[]}}}""", accepted.ToJson());
        await using var db = await app.Users.CreateDbContextAsync();
        Assert.Equal("An\u00E1nya", (await db.Users.SingleAsync(TestContext.Current.CancellationToken)).FirstName);
        Assert.Equal("Ravi Rao", (await db.Students.SingleAsync(TestContext.Current.CancellationToken)).EmergencyContactName);
    }
}
