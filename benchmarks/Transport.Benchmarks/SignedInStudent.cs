using System.Text.Json;
using CertifyTrack.Benchmarks.Common;
using CertifyTrack.Modules.Users.Notifications;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Transport.Benchmarks;

/// <summary>
/// The signed-in scenario: one active student with a profile (<see cref="BenchStudents"/>) and 10
/// notifications written straight to the Users tables, and a real access token for them from the
/// host's own token endpoint.
/// </summary>
internal static class SignedInStudent
{
    /// <summary>What a student's home screen asks for: who am I, my profile, my latest 10 notifications.</summary>
    public const string Query = """
        query Home {
          me { id username firstName lastName email userType
            student { id usn department semester admissionType profileCompleted } }
          notifications(first: 10) { totalCount edges { node { id kind title message createdAt isRead } } }
        }
        """;

    public static byte[] RequestBody { get; } = JsonSerializer.SerializeToUtf8Bytes(new { query = Query });

    /// <summary>Writes the student and their notifications; returns the student's access token.</summary>
    public static async Task<string> SeedAsync(IServiceProvider services, Uri baseAddress)
    {
        var students = await BenchStudents.CreateAsync(services, 1);
        var factory = services.GetRequiredService<IDbContextFactory<UsersDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var now = DateTime.UtcNow;
        db.Notifications.AddRange(Enumerable.Range(1, 10).Select(i => new Notification
        {
            UserId = students[0].UserId, Kind = NotificationKinds.EventReminder, Title = $"Reminder {i}: Robotics workshop",
            Message = "The workshop starts at 10:00 in Seminar Hall A. Bring your laptop and student id.",
            CreatedAt = now.AddMinutes(-i), IsRead = i % 3 == 0,
        }));
        await db.SaveChangesAsync();
        return (await BenchStudents.SignInAsync(baseAddress, students))[0];
    }
}
