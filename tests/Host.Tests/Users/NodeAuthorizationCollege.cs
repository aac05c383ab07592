using CertifyTrack.Modules.Users.Audit;
using CertifyTrack.Modules.Users.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Tests.Users;

/// <summary>
/// An admin; mentors m1 (students s1 "mine0", s2 "mine1") and m2 (s3 "other0"); s4 "alone0" without a
/// mentor; a notification each for s1, m1 and s3; two audit entries.
/// </summary>
internal sealed record College(
    long Admin, long M1User, long M1, long M2User, long M2, long S1User, long S1, long S2User, long S2, long S3User, long S3, long S4User, long S4,
    long S1Notification, long M1Notification, long[] AuditEntries, long HighestId)
{
    public long[] AllUsers => [Admin, M1User, M2User, S1User, S2User, S3User, S4User];

    public long[] AllStudents => [S1, S2, S3, S4];

    /// <summary>Text of the objects neither s1 nor m1 may see.</summary>
    public static string[] HiddenFromS1AndM1 => ["root", "mentor.two", "other0", "alone0", "1XXOTHER0000", "1XXALONE0000", "EMP2"];

    public static async Task<College> SeedAsync(UsersApp app)
    {
        var (admin, _) = await app.AdminAsync();
        var (m1User, m1) = await app.MentorAsync("mentor.one", "EMP1");
        var (m2User, m2) = await app.MentorAsync("mentor.two", "EMP2");
        var mine = await app.StudentsAsync("mine", 2, m1);
        var other = await app.StudentsAsync("other", 1, m2);
        var alone = await app.StudentsAsync("alone", 1);
        await using var db = await app.CreateDbContextAsync();
        var userOf = await db.Students.ToDictionaryAsync(s => s.Id, s => s.UserId, TestContext.Current.CancellationToken);
        var now = app.Time.GetUtcNow().UtcDateTime;
        var notifications = new[] { userOf[mine[0]], m1User, userOf[other[0]] }
            .Select(u => new Notification { UserId = u, Kind = "test", Title = $"for {u}", Message = "", CreatedAt = now }).ToList();
        db.Notifications.AddRange(notifications);
        var audit = new[] { new AuditLogEntry { Action = "test.one", Timestamp = now }, new AuditLogEntry { Action = "test.two", Timestamp = now, UserId = admin } };
        db.AuditLog.AddRange(audit);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var highest = new[] { userOf.Values.Max(), userOf.Keys.Max(), m2, notifications.Max(n => n.Id), audit.Max(a => a.Id) }.Max();
        return new College(
            admin, m1User, m1, m2User, m2, userOf[mine[0]], mine[0], userOf[mine[1]], mine[1], userOf[other[0]], other[0], userOf[alone[0]], alone[0],
            notifications[0].Id, notifications[1].Id, [.. db.AuditLog.Select(a => a.Id)], highest);
    }
}
