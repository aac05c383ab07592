using System.Net.Http.Json;
using System.Text.Json;
using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.Notifications;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Modules.Users.Profiles;
using CertifyTrack.Shared.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Transport.Benchmarks;

/// <summary>
/// The signed-in scenario: one active student with a profile and 10 notifications, written
/// straight to the Users tables, and a real access token for them from the host's own token
/// endpoint (password grant, switched on for the benchmark host).
/// </summary>
internal static class SignedInStudent
{
    public const string Username = "bench.student";
    private const string Password = "Bench-Student-Pass-1";

    /// <summary>What a student's home screen asks for: who am I, my profile, my latest 10 notifications.</summary>
    public const string Query = """
        query Home {
          me { id username firstName lastName email userType
            student { id usn department semester admissionType profileCompleted } }
          notifications(first: 10) { totalCount edges { node { id kind title message createdAt isRead } } }
        }
        """;

    public static byte[] RequestBody { get; } = JsonSerializer.SerializeToUtf8Bytes(new { query = Query });

    public static async Task SeedAsync(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IDbContextFactory<UsersDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var user = new User
        {
            FirstName = "Bench", LastName = "Student", UserType = UserKind.Student,
            IsEmailVerified = true, DateJoined = DateTime.UtcNow, SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        user.SetUsername(Username);
        user.SetEmail("bench.student@college.edu");
        user.Password = await PasswordHashing.HashAsync(user, Password, CancellationToken.None);
        db.Users.Add(user);
        await db.SaveChangesAsync();

        var student = new Student { UserId = user.Id, Department = "CSE", Semester = 5, AdmissionType = AdmissionType.Regular };
        student.SetUsn("1BENCH0001");
        db.Students.Add(student);
        var now = DateTime.UtcNow;
        db.Notifications.AddRange(Enumerable.Range(1, 10).Select(i => new Notification
        {
            UserId = user.Id, Kind = NotificationKinds.EventReminder, Title = $"Reminder {i}: Robotics workshop",
            Message = "The workshop starts at 10:00 in Seminar Hall A. Bring your laptop and student id.",
            CreatedAt = now.AddMinutes(-i), IsRead = i % 3 == 0,
        }));
        await db.SaveChangesAsync();
    }

    /// <summary>An access token from <c>/connect/token</c>, as a script would get one.</summary>
    public static async Task<string> SignInAsync(Uri baseAddress)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "certifytrack-web", ["username"] = Username,
            ["password"] = Password, ["scope"] = "openid offline_access",
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.IsSuccessStatusCode && body.TryGetProperty("access_token", out var token)
            ? token.GetString()!
            : throw new InvalidOperationException($"Signing in failed: {(int)response.StatusCode} {body}");
    }
}
