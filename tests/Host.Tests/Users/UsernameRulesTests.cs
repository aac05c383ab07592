using CertifyTrack.Host.Tests.Auth;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Users.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Users;

/// <summary>
/// Usernames: NFKC-normalised, ASCII letters, digits, '.', '_', '-' only, compared ignoring case — on
/// registration, <c>createUser</c>, <c>importUsers</c>, the admin bootstrap and the sign-in look-up.
/// </summary>
public sealed class UsernameRulesTests
{
    public static TheoryData<string, string> PathsOnProviders => new()
    {
        { "sqlite", "registerStudent" }, { "sqlite", "createUser" }, { "sqlite", "importUsers" },
        { "postgres", "registerStudent" }, { "postgres", "createUser" }, { "postgres", "importUsers" },
    };

    [Theory]
    [MemberData(nameof(PathsOnProviders))]
    public async Task Look_alikes_of_a_username_are_refused_or_are_that_username(string provider, string path)
    {
        await using var app = await AccountsApp.StartAsync(provider);
        var (_, admin) = await app.Users.AdminAsync();
        await app.Users.AddUserAsync("admin", UserKind.Admin);
        var paths = new NewUserPaths(app, admin);

        (string Username, string Code)[] cases =
        [
            ("ѕtudent1", "USERNAME_INVALID"),        // Cyrillic ѕ (U+0455)
            ("аdmin", "USERNAME_INVALID"),           // Cyrillic а (U+0430)
            ("adm\u0131n", "USERNAME_INVALID"),      // dotless ı, which upper-cases to I
            ("admin\u200B", "USERNAME_INVALID"),     // zero-width space
            ("ad\u202Emin", "USERNAME_INVALID"),     // right-to-left override
            ("ad", "USERNAME_INVALID"),              // too short
            (new string('a', 151), "USERNAME_INVALID"),
            (".admin", "USERNAME_INVALID"),
            ("admin.", "USERNAME_INVALID"),
            ("ad min", "USERNAME_INVALID"),
            ("admin@college", "USERNAME_INVALID"),
            ("ａｄｍｉｎ", "USERNAME_TAKEN"),         // fullwidth: NFKC makes it "admin"
            ("ADMIN", "USERNAME_TAKEN"),
            ("Ａdmin", "USERNAME_TAKEN"),
        ];
        foreach (var (username, code) in cases)
        {
            Assert.Equal([$"{code} username"], await paths.CreateAsync(path, username));
        }

        Assert.Empty(await paths.CreateAsync(path, "cse.student-01_a"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_compatibility_form_is_stored_as_what_it_looks_like(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider);
        var (_, admin) = await app.Users.AdminAsync();
        var paths = new NewUserPaths(app, admin);

        Assert.Empty(await paths.CreateAsync("registerStudent", "ｎｅｗ．ｕｓｅｒ"));

        await using (var db = await app.Users.CreateDbContextAsync())
        {
            var user = await db.Users.SingleAsync(u => u.Email == "person001@example.edu", TestContext.Current.CancellationToken);
            Assert.Equal(("new.user", "NEW.USER"), (user.Username, user.NormalizedUsername));
        }

        Assert.Equal(["USERNAME_TAKEN username"], await paths.CreateAsync("createUser", "New.User"));
        Assert.Equal(["USERNAME_TAKEN username"], await paths.CreateAsync("importUsers", "NEW.USER"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sign_in_finds_the_account_by_its_normalised_name_and_not_by_a_look_alike(string provider)
    {
        await using var app = await TokenApp.StartAsync(provider);
        await app.AddUserAsync("asha");

        Assert.Equal(200, (await app.PasswordGrantAsync("ａｓｈａ", TokenApp.Password)).Status);
        Assert.Equal(200, (await app.PasswordGrantAsync(" ASHA ", TokenApp.Password)).Status);
        var (status, body) = await app.PasswordGrantAsync("аsha", TokenApp.Password);   // Cyrillic а
        Assert.Equal((400, "invalid_grant"), (status, body["error"]!.GetValue<string>()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_bootstrap_admin_follows_the_username_rules(string provider)
    {
        await using (var folded = await TokenApp.StartAsync(provider, settings: new Dictionary<string, string?> { ["CERTIFYTRACK_ADMIN_USERNAME"] = "ｒｏｏｔ２" }))
        {
            Assert.Equal(["root2"], await AdminNamesAsync(folded));
            Assert.Equal(200, (await folded.PasswordGrantAsync("ROOT2", TokenApp.AdminPassword)).Status);
        }

        await using var refused = await TokenApp.StartAsync(provider, settings: new Dictionary<string, string?> { ["CERTIFYTRACK_ADMIN_USERNAME"] = "ѕuperuser" });
        Assert.Empty(await AdminNamesAsync(refused));
    }

    private static async Task<List<string>> AdminNamesAsync(TokenApp app)
    {
        await using var db = await app.App.Services.GetRequiredService<IDbContextFactory<CertifyTrack.Modules.Users.Persistence.UsersDbContext>>()
            .CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Users.Where(u => u.UserType == UserKind.Admin).Select(u => u.Username).ToListAsync(TestContext.Current.CancellationToken);
    }
}
