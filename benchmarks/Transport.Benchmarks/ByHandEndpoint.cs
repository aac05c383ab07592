using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.GraphQL.Relay;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Transport.Benchmarks;

/// <summary>
/// The signed-in home query written by hand, as a REST endpoint would do it: a minimal-API endpoint over the
/// CertifyTrack host's own services, with the same bearer-token validation (OpenIddict's, including the
/// token-entry read that makes revocation immediate), the same reads (the user, the student profile, the 10
/// newest notifications and their count) on one Users context, and the JSON written by System.Text.Json.
/// The reference for what GraphQL itself adds to a request that does real work; the bare endpoint that only
/// replays bytes is the floor of the transport.
/// </summary>
internal static class ByHandEndpoint
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task HandleAsync(HttpContext context, IServiceProvider host)
    {
        await using var scope = host.CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        var scheme = (await scope.ServiceProvider.GetRequiredService<IAuthenticationSchemeProvider>().GetDefaultAuthenticateSchemeAsync())!;
        var handlers = scope.ServiceProvider.GetRequiredService<IAuthenticationHandlerProvider>();
        if (await handlers.GetHandlerAsync(context, scheme.Name) is IAuthenticationRequestHandler own)
        {
            await own.HandleRequestAsync(); // OpenIddict's validation prepares its state here
        }

        var signedIn = await context.AuthenticateAsync(scheme.Name);
        if (!signedIn.Succeeded || !long.TryParse(signedIn.Principal.FindFirst("sub")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var userId))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var ct = context.RequestAborted;
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<UsersDbContext>>().CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.IsActive)
            .Select(u => new { u.Id, u.Username, u.FirstName, u.LastName, u.Email, u.UserType }).SingleAsync(ct);
        var student = await db.Students.AsNoTracking().Where(s => s.UserId == userId)
            .Select(s => new { s.Id, s.Usn, s.Department, s.Semester, s.AdmissionType, s.ProfileCompleted }).SingleOrDefaultAsync(ct);
        var notifications = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(10)
            .Select(n => new { n.Id, n.Kind, n.Title, n.Message, n.CreatedAt, n.IsRead }).ToListAsync(ct);
        var total = await db.Notifications.CountAsync(n => n.UserId == userId, ct);

        var answer = new
        {
            data = new
            {
                me = new
                {
                    id = GlobalId.Encode("User", user.Id), user.Username, user.FirstName, user.LastName, user.Email,
                    userType = user.UserType.ToString().ToUpperInvariant(),
                    student = student is null ? null : new
                    {
                        id = GlobalId.Encode("Student", student.Id), student.Usn, student.Department, student.Semester,
                        admissionType = student.AdmissionType.ToString().ToUpperInvariant(), student.ProfileCompleted,
                    },
                },
                notifications = new
                {
                    totalCount = total,
                    edges = notifications.Select(n => new
                    {
                        node = new
                        {
                            id = GlobalId.Encode("Notification", n.Id), n.Kind, n.Title, n.Message,
                            createdAt = DateTime.SpecifyKind(n.CreatedAt, DateTimeKind.Utc), n.IsRead,
                        },
                    }),
                },
            },
        };
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, answer, Json, ct);
    }

    /// <summary>Whether the hand-written answer holds the same data as GraphQL's (formats of dates aside: compared as instants).</summary>
    public static bool SameData(byte[] graphQL, byte[] byHand, out string difference)
    {
        var expected = Normalize(JsonNode.Parse(graphQL)!);
        var actual = Normalize(JsonNode.Parse(byHand)!);
        difference = $"GraphQL: {expected.ToJsonString()}\nby hand: {actual.ToJsonString()}";
        return JsonNode.DeepEquals(expected, actual);
    }

    /// <summary>createdAt values as UTC ticks, so that "…00Z" and "…00.000Z" compare equal.</summary>
    private static JsonNode Normalize(JsonNode node)
    {
        foreach (var edge in node["data"]!["notifications"]!["edges"]!.AsArray())
        {
            var value = edge!["node"]!["createdAt"]!;
            edge["node"]!["createdAt"] = DateTime.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal).Ticks;
        }

        return node;
    }
}
