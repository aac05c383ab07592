using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Shared.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Tests.Users;

/// <summary>
/// <c>setUserActive</c> and <c>unlockUser</c> tell the user (<c>account_updated</c>, in the app and by
/// email); a disabled account gets nothing, because the notifier writes nothing for inactive users.
/// </summary>
public sealed class AccountStatusNotificationTests
{
    private const string SetActive = "mutation($id: ID!, $on: Boolean!) { setUserActive(input: { userId: $id, isActive: $on }) { userErrors { code } } }";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Disabling_notifies_nobody_enabling_and_unlocking_notify_the_user(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider, settings: new Dictionary<string, string?> { ["Email:Outbox:RunWorker"] = "false" });
        var (_, admin) = await app.AdminAsync();
        var asha = await app.AddUserAsync("asha", verified: true);
        var id = AdminSeed.Id("User", asha);

        Assert.Empty((await app.QueryAsync(SetActive, admin, new { id, on = false })).UserErrorCodes("setUserActive"));
        Assert.Empty(await NoticesAsync(app, asha));
        Assert.Equal(0, await MailsAsync(app));

        Assert.Empty((await app.QueryAsync(SetActive, admin, new { id, on = true })).UserErrorCodes("setUserActive"));
        Assert.Equal([(NotificationKinds.AccountUpdated, "Your account was enabled")], await NoticesAsync(app, asha));
        Assert.Equal(1, await MailsAsync(app));

        // Setting the state it already has changes nothing and tells nobody.
        Assert.Empty((await app.QueryAsync(SetActive, admin, new { id, on = true })).UserErrorCodes("setUserActive"));
        Assert.Single(await NoticesAsync(app, asha));

        var unlocked = await app.QueryAsync("mutation($id: ID!) { unlockUser(input: { userId: $id }) { userErrors { code } } }", admin, new { id });
        Assert.Empty(unlocked.UserErrorCodes("unlockUser"));
        Assert.Equal((NotificationKinds.AccountUpdated, "Your sign-in lockout was lifted"), (await NoticesAsync(app, asha))[^1]);
        Assert.Equal(2, await MailsAsync(app));
    }

    private static async Task<List<(string, string)>> NoticesAsync(UsersApp app, long userId)
    {
        await using var db = await app.CreateDbContextAsync();
        return [.. (await db.Notifications.Where(n => n.UserId == userId).OrderBy(n => n.Id).Select(n => new { n.Kind, n.Title }).ToListAsync(Ct)).Select(n => (n.Kind, n.Title))];
    }

    private static async Task<int> MailsAsync(UsersApp app)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.EmailOutbox.CountAsync(m => m.ToAddress == "asha@example.edu", Ct);
    }
}
