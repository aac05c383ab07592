using Npgsql;

namespace CertifyTrack.Events.Benchmarks;

/// <summary>
/// What must hold after the burst, from the answers and read back from Events' tables with plain SQL:
/// exactly <c>seats</c> REGISTERED, the rest WAITLISTED at positions 1..n (each student's answered
/// position is their rank in the table), no errors; after the cancellations, the first <c>seats</c>
/// by position took the seats and the rest kept their order. Each failure is printed and kept.
/// </summary>
internal sealed class BurstChecks(string connectionString, int students, int seats)
{
    private const string EventName = "Robot workshop";

    public List<string> Failures { get; } = [];

    public async Task RegistrationsAsync(IReadOnlyList<Answer> answers)
    {
        Check("0 errors", !answers.Any(a => a.Fault is not null), string.Join("; ", answers.Where(a => a.Fault is not null).Take(3).Select(a => a.Fault)));
        Check($"{seats} REGISTERED", answers.Count(a => a.RegistrationStatus == "REGISTERED") == seats, "");
        var positions = answers.Where(a => a.RegistrationStatus == "WAITLISTED").Select(a => a.WaitlistPosition ?? 0).Order().ToList();
        Check($"{students - seats} WAITLISTED at positions 1..{students - seats}", positions.SequenceEqual(Enumerable.Range(1, students - seats)), $"{positions.Count} waitlisted");
        var (registered, waitlisted, counters) = await ReadAsync();
        Check($"table: {seats} registered rows and counters {seats}/{students - seats}", registered.Count == seats && counters == (seats, students - seats), $"{registered.Count} rows, counters {counters}");
        var answered = answers.Where(a => a.WaitlistPosition is not null).ToDictionary(a => a.Student, a => a.WaitlistPosition!.Value);
        Check("table: each waitlisted student's rank is the position they were answered", waitlisted.Count == answered.Count && waitlisted.All(w => answered.GetValueOrDefault(w.Student) == w.Rank), "");
    }

    public async Task PromotionsAsync(IReadOnlyList<Answer> burst, IReadOnlyList<Answer> cancels)
    {
        Check($"{seats} cancellations, 0 errors", cancels.Count == seats && cancels.All(a => a.Fault is null && a.Payload?["registration"]?["status"]?.GetValue<string>() == "CANCELLED"),
            string.Join("; ", cancels.Where(a => a.Fault is not null).Take(3).Select(a => a.Fault)));
        var (registered, waitlisted, counters) = await ReadAsync();
        var first = burst.Where(a => a.WaitlistPosition <= seats).Select(a => a.Student).ToHashSet();
        Check($"{seats} promotions: the first {seats} by position hold the seats", registered.Count == seats && registered.SetEquals(first), $"{registered.Count} registered, {registered.Intersect(first).Count()} of the first {seats}");
        var before = burst.Where(a => a.WaitlistPosition > seats).ToDictionary(a => a.Student, a => a.WaitlistPosition!.Value - seats);
        Check($"the other {students - 2 * seats} keep their order (positions 1..{students - 2 * seats})", waitlisted.Count == before.Count && waitlisted.All(w => before.GetValueOrDefault(w.Student) == w.Rank), "");
        Check("counters", counters == (seats, students - 2 * seats), $"{counters}");
    }

    /// <summary>The seated students, the waitlisted ones with their rank, and the event's two counters.</summary>
    private async Task<(HashSet<int> Registered, List<(int Student, int Rank)> Waitlisted, (int, int) Counters)> ReadAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var rows = new NpgsqlCommand("""
            SELECT s.usn, r.status, rank() OVER (PARTITION BY r.status ORDER BY r.waitlist_sequence, r.id)
            FROM api_eventregistration r JOIN api_event e ON e.id = r.event_id JOIN api_student s ON s.id = r.student_id
            WHERE e.name = @name AND r.status IN ('REGISTERED', 'WAITLISTED')
            """, connection);
        rows.Parameters.AddWithValue("name", EventName);
        var registered = new HashSet<int>();
        var waitlisted = new List<(int, int)>();
        await using (var reader = await rows.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var student = int.Parse(reader.GetString(0)["1BENCH".Length..], System.Globalization.CultureInfo.InvariantCulture);
                if (reader.GetString(1) == "REGISTERED")
                {
                    registered.Add(student);
                }
                else
                {
                    waitlisted.Add((student, (int)reader.GetInt64(2)));
                }
            }
        }

        await using var counters = new NpgsqlCommand("SELECT registered_count, waitlisted_count FROM api_event WHERE name = @name", connection);
        counters.Parameters.AddWithValue("name", EventName);
        await using var c = await counters.ExecuteReaderAsync();
        await c.ReadAsync();
        return (registered, waitlisted, (c.GetInt32(0), c.GetInt32(1)));
    }

    private void Check(string what, bool ok, string detail)
    {
        Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {what}{(ok || detail.Length == 0 ? "" : $": {detail}")}");
        if (!ok)
        {
            Failures.Add(what);
        }
    }
}
