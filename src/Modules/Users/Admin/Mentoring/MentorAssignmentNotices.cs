using System.Globalization;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Users.Admin.Mentoring;

/// <summary>
/// The notifications of <c>assignMentor</c> (kind <c>mentor_assigned</c>), written in its
/// transaction: every newly assigned student is told "Your mentor is now …" (one set-based
/// <see cref="INotifier.NotifyManyAsync"/> for up to 500), and the mentor gets a single
/// notification with the number of new mentees rather than one per student.
/// </summary>
internal static class MentorAssignmentNotices
{
    public static async Task SendAsync(UsersDbContext db, INotifier notifier, long mentorUserId, IReadOnlyCollection<long> studentUserIds, CancellationToken cancellationToken)
    {
        var mentor = await db.Users.Where(u => u.Id == mentorUserId)
            .Select(u => new { u.FirstName, u.LastName })
            .SingleAsync(cancellationToken);
        var name = $"{mentor.FirstName} {mentor.LastName}".Trim();
        await notifier.NotifyManyAsync(
            db,
            studentUserIds,
            new NotificationRequest(
                NotificationKinds.MentorAssigned,
                Fit($"Your mentor is now {name}", NotificationRequest.MaxTitleLength),
                Fit($"{name} is now your mentor: they approve your activity points and can see your profile.", NotificationRequest.MaxMessageLength)),
            cancellationToken);

        var count = studentUserIds.Count;
        var mentees = count == 1 ? "1 new mentee" : string.Create(CultureInfo.InvariantCulture, $"{count} new mentees");
        await notifier.NotifyAsync(
            db,
            mentorUserId,
            new NotificationRequest(
                NotificationKinds.MentorAssigned,
                $"You have {mentees}",
                $"An administrator assigned {mentees} to you. You find them in your students list."),
            cancellationToken);
    }

    /// <summary>Names are free text: shorten rather than fail the assignment.</summary>
    private static string Fit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
