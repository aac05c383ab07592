using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Modules.Users.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Benchmarks.Common;

/// <summary>A student written by <see cref="BenchStudents.CreateAsync"/>: its user id, sign-in name and password.</summary>
public sealed record BenchStudent(long UserId, string Username, string Password);

/// <summary>
/// Many active students fast, and a real access token for each. The rows are written straight to
/// the Users tables, 1,000 per <c>SaveChanges</c>, all with one password hash (hashing costs tens of
/// milliseconds, so it is done once; every student's password is the same). The tokens come from
/// the host's own <c>/connect/token</c> with the password grant, as a script would sign in: the host
/// needs <see cref="BenchHost.AllowPasswordSignIn"/> and <see cref="BenchHost.RaiseLimits"/>.
/// </summary>
public static class BenchStudents
{
    public const string Password = "Bench-Student-Pass-1";
    private const int Batch = 1000;

    /// <summary>Writes <paramref name="count"/> students named <c>{prefix}.{n}</c> (USN <c>1BENCH{n}</c>, CSE, semester 5).</summary>
    public static async Task<IReadOnlyList<BenchStudent>> CreateAsync(IServiceProvider services, int count, string prefix = "bench.student")
    {
        ArgumentNullException.ThrowIfNull(services);
        var factory = services.GetRequiredService<IDbContextFactory<UsersDbContext>>();
        var hash = await PasswordHashing.HashAsync(new User(), Password, CancellationToken.None);
        var created = new List<BenchStudent>(count);
        for (var first = 0; first < count; first += Batch)
        {
            await using var db = await factory.CreateDbContextAsync();
            var users = Enumerable.Range(first, Math.Min(Batch, count - first)).Select(n =>
            {
                var user = new User
                {
                    FirstName = "Bench", LastName = string.Create(CultureInfo.InvariantCulture, $"Student {n}"), UserType = UserKind.Student,
                    IsEmailVerified = true, DateJoined = DateTime.UtcNow, SecurityStamp = Guid.NewGuid().ToString("N"), Password = hash,
                };
                user.SetUsername(string.Create(CultureInfo.InvariantCulture, $"{prefix}.{n}"));
                user.SetEmail(string.Create(CultureInfo.InvariantCulture, $"{prefix}.{n}@college.edu"));
                return (Number: n, User: user);
            }).ToList();
            db.Users.AddRange(users.Select(u => u.User));
            await db.SaveChangesAsync();
            db.Students.AddRange(users.Select(u =>
            {
                var student = new Student { UserId = u.User.Id, Department = "CSE", Semester = 5, AdmissionType = AdmissionType.Regular };
                student.SetUsn(string.Create(CultureInfo.InvariantCulture, $"1BENCH{u.Number:D4}"));
                return student;
            }));
            await db.SaveChangesAsync();
            created.AddRange(users.Select(u => new BenchStudent(u.User.Id, u.User.Username, Password)));
        }

        return created;
    }

    /// <summary>An access token for each student, <paramref name="parallel"/> sign-ins at a time, in the students' order.</summary>
    public static async Task<IReadOnlyList<string>> SignInAsync(Uri baseAddress, IReadOnlyList<BenchStudent> students, int parallel = 4)
    {
        ArgumentNullException.ThrowIfNull(students);
        using var client = new HttpClient { BaseAddress = baseAddress };
        var tokens = new string[students.Count];
        await Parallel.ForAsync(0, students.Count, new ParallelOptions { MaxDegreeOfParallelism = parallel },
            async (i, ct) => tokens[i] = await SignInAsync(client, students[i].Username, students[i].Password, ct));
        return tokens;
    }

    /// <summary>One access token from <c>/connect/token</c> (password grant), as a script would get one.</summary>
    public static async Task<string> SignInAsync(HttpClient client, string username, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "certifytrack-web", ["username"] = username,
            ["password"] = password, ["scope"] = "openid offline_access",
        }), cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return response.IsSuccessStatusCode && body.TryGetProperty("access_token", out var token)
            ? token.GetString()!
            : throw new InvalidOperationException($"Signing in as {username} failed: {(int)response.StatusCode} {body}");
    }
}
