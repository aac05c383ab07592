using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Tests.Infrastructure;

/// <summary>Reads a module's own migrations history table directly, not through EF's migrator.</summary>
public static class HistoryTable
{
    public static string NameOf(string module) => $"__ef_migrations_history_{module.ToLowerInvariant()}";

    public static async Task<IReadOnlyList<string>> ReadAsync(DbContext context, string module)
    {
        ArgumentNullException.ThrowIfNull(context);
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT migration_id FROM {NameOf(module)} ORDER BY migration_id";
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            var ids = new List<string>();
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                ids.Add(reader.GetString(0));
            }

            return ids;
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }
}
