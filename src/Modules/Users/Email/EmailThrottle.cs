using System.Text.Json;
using CertifyTrack.Modules.Users.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Modules.Users.Email;

/// <summary>
/// The per-address throttle every email passes before it is queued (<c>Email:Throttle</c>): at most N
/// of one kind to one address per window. A slot is taken by one conditional upsert of the
/// address's <c>api_email_throttle</c> row — insert, or count up while under the limit, or start a
/// new window once the old one ended — in the caller's transaction: concurrent requests for one
/// address queue on that row, and each sees the count the one before it left, so the limit holds on
/// several instances; a rolled-back caller gives its slot back. Many addresses take one statement.
/// </summary>
internal sealed class EmailThrottle(IOptions<EmailOptions> options, TimeProvider time)
{
    /// <summary>Takes a slot for one email; false when the address had its share of this kind.</summary>
    public async Task<bool> TryTakeAsync(DbContext db, string address, string kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var settings = options.Value.Throttle;
        if (!settings.Enabled)
        {
            return true;
        }

        var (now, cutoff, max) = (time.GetUtcNow().UtcDateTime, Cutoff(), settings.MaxFor(kind));
        return await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO api_email_throttle (address, kind, window_start, sent) VALUES ({User.Normalize(address)}, {kind}, {now}, 1)
            ON CONFLICT (address, kind) DO UPDATE SET
                sent = CASE WHEN api_email_throttle.window_start <= {cutoff} THEN 1 ELSE api_email_throttle.sent + 1 END,
                window_start = CASE WHEN api_email_throttle.window_start <= {cutoff} THEN {now} ELSE api_email_throttle.window_start END
            WHERE api_email_throttle.window_start <= {cutoff} OR api_email_throttle.sent < {max}
            """,
            cancellationToken) == 1;
    }

    /// <summary>Takes a slot for each address at once; returns the (normalised) addresses that got one.</summary>
    public async Task<IReadOnlySet<string>> TakeManyAsync(DbContext db, IEnumerable<string> addresses, string kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(addresses);
        // Sorted, so that concurrent callers lock the rows in the same order and cannot deadlock.
        var normalized = addresses.Select(User.Normalize).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var settings = options.Value.Throttle;
        if (!settings.Enabled || normalized.Length == 0)
        {
            return normalized.ToHashSet(StringComparer.Ordinal);
        }

        var (now, cutoff, max) = (time.GetUtcNow().UtcDateTime, Cutoff(), settings.MaxFor(kind));
        var taken = db.Database.IsNpgsql()
            ? db.Database.SqlQuery<Taken>(
                $"""
                INSERT INTO api_email_throttle (address, kind, window_start, sent)
                SELECT a, {kind}, {now}, 1 FROM unnest({normalized}) AS a ORDER BY a
                ON CONFLICT (address, kind) DO UPDATE SET
                    sent = CASE WHEN api_email_throttle.window_start <= {cutoff} THEN 1 ELSE api_email_throttle.sent + 1 END,
                    window_start = CASE WHEN api_email_throttle.window_start <= {cutoff} THEN {now} ELSE api_email_throttle.window_start END
                WHERE api_email_throttle.window_start <= {cutoff} OR api_email_throttle.sent < {max}
                RETURNING address
                """)
            : db.Database.SqlQuery<Taken>(
                $"""
                INSERT INTO api_email_throttle (address, kind, window_start, sent)
                SELECT value, {kind}, {now}, 1 FROM json_each({JsonSerializer.Serialize(normalized)}) WHERE true ORDER BY value
                ON CONFLICT (address, kind) DO UPDATE SET
                    sent = CASE WHEN api_email_throttle.window_start <= {cutoff} THEN 1 ELSE api_email_throttle.sent + 1 END,
                    window_start = CASE WHEN api_email_throttle.window_start <= {cutoff} THEN {now} ELSE api_email_throttle.window_start END
                WHERE api_email_throttle.window_start <= {cutoff} OR api_email_throttle.sent < {max}
                RETURNING address
                """);
        return (await taken.ToListAsync(cancellationToken)).Select(t => t.Address).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A window that started at or before this has ended.</summary>
    public DateTime Cutoff() => time.GetUtcNow().UtcDateTime - options.Value.Throttle.Window;

    private sealed class Taken
    {
        public string Address { get; set; } = "";
    }
}
