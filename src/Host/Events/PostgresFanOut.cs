using System.Data.Common;
using CertifyTrack.Shared.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CertifyTrack.Host.Events;

/// <summary><c>pg_notify</c> on the bus channel; every instance's <see cref="PostgresBusListener"/> hears it.</summary>
internal sealed class PostgresFanOut(DatabaseSettings settings, IOptions<EventBusOptions> options) : IBusFanOut
{
    private const string Notify = "SELECT pg_notify(@channel, @payload)";

    public Task NotifyInTransactionAsync(DbTransaction transaction, IReadOnlyList<string> payloads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var connection = transaction.Connection as NpgsqlConnection
            ?? throw new InvalidOperationException("The PostgreSQL event bus needs an Npgsql transaction.");
        return SendAsync(connection, (NpgsqlTransaction)transaction, payloads, cancellationToken);
    }

    public async Task NotifyAsync(IReadOnlyList<string> payloads, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await SendAsync(connection, null, payloads, cancellationToken);
    }

    /// <summary>
    /// One <c>pg_notify</c> per payload, all in one <see cref="NpgsqlBatch"/>: one round trip
    /// however many messages a commit carries (a notification to 1,000 users is 1,000 payloads).
    /// </summary>
    private async Task SendAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<string> payloads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payloads);
        if (payloads.Count == 0)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var payload in payloads)
        {
            var command = new NpgsqlBatchCommand(Notify);
            command.Parameters.AddWithValue("channel", options.Value.Channel);
            command.Parameters.AddWithValue("payload", payload);
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
