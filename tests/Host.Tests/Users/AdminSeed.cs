using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.Profiles;
using CertifyTrack.Shared.GraphQL.Relay;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Tests.Users;

/// <summary>Rows for the admin tests: an admin, mentors and students written straight to the database.</summary>
internal static class AdminSeed
{
    public static async Task<(long UserId, string Token)> AdminAsync(this UsersApp app)
    {
        var id = await app.AddUserAsync("root", UserKind.Admin);
        return (id, Infrastructure.TestAuthenticationHandler.Token($"{id}", "admin"));
    }

    public static async Task<(long UserId, long MentorId)> MentorAsync(this UsersApp app, string username, string employeeId, string department = "CSE", bool verified = false)
    {
        var userId = await app.AddUserAsync(username, UserKind.Mentor, verified);
        await using var db = await app.CreateDbContextAsync();
        var mentor = new Mentor { UserId = userId, EmployeeId = employeeId, Department = department, Designation = "Professor" };
        db.Mentors.Add(mentor);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (userId, mentor.Id);
    }

    /// <summary>Adds <paramref name="count"/> students (usernames <c>{prefix}{i}</c>, USNs <c>1XX{prefix}{i:D4}</c>) in one batch.</summary>
    public static async Task<List<long>> StudentsAsync(this UsersApp app, string prefix, int count, long? mentorId = null, int semester = 3, string department = "CSE", bool verified = false)
    {
        await using var db = await app.CreateDbContextAsync();
        var users = Enumerable.Range(0, count).Select(i =>
        {
            var user = new CertifyTrack.Modules.Users.Accounts.User { FirstName = "Stu", LastName = $"{prefix}{i}", UserType = UserKind.Student, IsEmailVerified = verified, DateJoined = DateTime.UtcNow };
            user.SetUsername($"{prefix}{i}");
            user.SetEmail($"{prefix}{i}@example.edu");
            return user;
        }).ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var students = users.Select((u, i) =>
        {
            var s = new Student { UserId = u.Id, Department = department, Semester = semester, MentorId = mentorId };
            s.SetUsn($"1XX{prefix}{i:D4}");
            return s;
        }).ToList();
        db.Students.AddRange(students);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return [.. students.Select(s => s.Id)];
    }

    public static async Task<List<string>> AuditActionsAsync(this UsersApp app)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.AuditLog.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(TestContext.Current.CancellationToken);
    }

    public static string Id(string type, long key) => GlobalId.Encode(type, key);
}
