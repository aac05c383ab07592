using CertifyTrack.Host.Events;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Shared.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CertifyTrack.Host.Tests.Users.NotificationsApp;

namespace CertifyTrack.Host.Tests.Users;

/// <summary>
/// <c>assignMentor</c> notifies in its own transaction: each newly assigned student ("Your mentor is
/// now …", live over the WebSocket too), the mentor once with the count; emails follow preferences.
/// </summary>
public sealed class MentorAssignmentNotificationTests
{
    private const string Assign = "mutation($input: AssignMentorInput!) { assignMentor(input: $input) { assignedCount userErrors { code } } }";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Students_and_their_mentor_are_notified_in_the_app_live_and_by_email(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider, kestrel: true, settings: new Dictionary<string, string?> { ["Email:Outbox:RunWorker"] = "false" });
        if (provider == "postgres")
        {
            await app.App.Services.GetRequiredService<ListenerStatus>().WaitUntilListeningAsync(1, Ct).WaitAsync(TimeSpan.FromSeconds(15), Ct);
        }

        var (_, admin) = await app.AdminAsync();
        var (guruUser, guru) = await app.MentorAsync("guru", "EMP1", verified: true);
        var (_, tutor) = await app.MentorAsync("tutor", "EMP2", verified: true);
        var mentees = await UserIdsAsync(app, await app.StudentsAsync("s", 3, verified: true));
        var outsider = (await UserIdsAsync(app, await app.StudentsAsync("o", 1, verified: true))).Single();
        var prefer = await app.QueryAsync(
            "mutation($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { userErrors { code } } }",
            Student(mentees[1].UserId),
            new { input = new { preferences = new[] { new { kind = "mentor_assigned", email = false } } } });
        Assert.Empty(prefer.UserErrors("updateNotificationPreferences"));
        using var menteeSocket = await NotificationSubscriptionTests.SubscribeAsync(app, mentees[0].UserId);
        using var outsiderSocket = await NotificationSubscriptionTests.SubscribeAsync(app, outsider.UserId);

        var done = await app.QueryAsync(Assign, admin, new { input = new { mentorId = AdminSeed.Id("Mentor", guru), studentIds = mentees.Select(m => AdminSeed.Id("Student", m.StudentId)) } });
        Assert.Equal("""{"assignedCount":3,"userErrors":[]}""", done.Data("assignMentor").ToJson());

        var live = await menteeSocket.ReceiveAsync();
        Assert.Equal("Your mentor is now First guru", live["payload"]!["data"]!["notificationReceived"]!["title"]!.GetValue<string>());
        foreach (var (_, userId) in mentees)
        {
            var own = Assert.Single(await app.TitlesAsync(Student(userId)));
            Assert.Equal(("Your mentor is now First guru", NotificationKinds.MentorAssigned), (own!["title"]!.GetValue<string>(), own["kind"]!.GetValue<string>()));
        }

        var mentorToken = TestAuthenticationHandler.Token($"{guruUser}", "mentor");
        var forMentor = await app.TitlesAsync(mentorToken);
        Assert.Equal("You have 3 new mentees", Assert.Single(forMentor)!["title"]!.GetValue<string>());
        Assert.Empty(await app.TitlesAsync(Student(outsider.UserId)));
        var someoneElses = (await app.TitlesAsync(Student(mentees[0].UserId)))[0]!["id"]!.GetValue<string>();
        Assert.Equal("""{"data":{"node":null}}""", (await app.QueryAsync($$"""{ node(id: "{{someoneElses}}") { id } }""", Student(outsider.UserId))).ToJson());

        // Mentee 1 switched email off for this kind; the others and the mentor get one email each.
        var emails = await NotificationEmailTests.OutboxAsync(app);
        Assert.Equal(
            ["s0@example.edu Your mentor is now First guru", "s2@example.edu Your mentor is now First guru", "guru@example.edu You have 3 new mentees"],
            emails.Select(e => $"{e.ToAddress} {e.Subject}"));

        // The outsider's socket heard nothing of that: its first message is its own assignment.
        await app.QueryAsync(Assign, admin, new { input = new { mentorId = AdminSeed.Id("Mentor", tutor), studentIds = new[] { AdminSeed.Id("Student", outsider.StudentId) } } });
        var outsiderLive = await outsiderSocket.ReceiveAsync();
        Assert.Equal("Your mentor is now First tutor", outsiderLive["payload"]!["data"]!["notificationReceived"]!["title"]!.GetValue<string>());

        // Assigning the same mentor again changes nothing and tells no one.
        var again = await app.QueryAsync(Assign, admin, new { input = new { mentorId = AdminSeed.Id("Mentor", guru), studentIds = mentees.Select(m => AdminSeed.Id("Student", m.StudentId)) } });
        Assert.Equal(0, again.Data("assignMentor")["assignedCount"]!.GetValue<int>());
        Assert.Single(await app.TitlesAsync(mentorToken));
        Assert.Equal(emails.Count + 2, (await NotificationEmailTests.OutboxAsync(app)).Count);   // only the tutor call's two
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_refused_assignment_notifies_no_one(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider, settings: new Dictionary<string, string?> { ["Email:Outbox:RunWorker"] = "false" });
        var (_, admin) = await app.AdminAsync();
        var (guruUser, guru) = await app.MentorAsync("guru", "EMP1", verified: true);
        var mentee = (await UserIdsAsync(app, await app.StudentsAsync("s", 1, verified: true))).Single();

        var refused = await app.QueryAsync(Assign, admin, new { input = new { mentorId = AdminSeed.Id("Mentor", guru), studentIds = new[] { AdminSeed.Id("Student", mentee.StudentId), AdminSeed.Id("Student", 999_999) } } });
        Assert.Equal("STUDENT_NOT_FOUND", refused.Data("assignMentor")["userErrors"]![0]!["code"]!.GetValue<string>());

        Assert.Empty(await app.TitlesAsync(Student(mentee.UserId)));
        Assert.Empty(await app.TitlesAsync(TestAuthenticationHandler.Token($"{guruUser}", "mentor")));
        Assert.Empty(await NotificationEmailTests.OutboxAsync(app));
    }

    private static async Task<List<(long StudentId, long UserId)>> UserIdsAsync(UsersApp app, List<long> studentIds)
    {
        await using var db = await app.CreateDbContextAsync();
        var rows = await db.Students.Where(s => studentIds.Contains(s.Id)).OrderBy(s => s.Id).Select(s => new { s.Id, s.UserId }).ToListAsync(Ct);
        return [.. rows.Select(r => (r.Id, r.UserId))];
    }
}
