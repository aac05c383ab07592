using System.Data.Common;

namespace CertifyTrack.Host.Events;

/// <summary>Carries topic messages to the other host instances.</summary>
internal interface IBusFanOut
{
    /// <summary>Sends within <paramref name="transaction"/>, just before it commits.</summary>
    Task NotifyInTransactionAsync(DbTransaction transaction, IReadOnlyList<string> payloads, CancellationToken cancellationToken);

    /// <summary>Sends at once, for messages whose change is committed already.</summary>
    Task NotifyAsync(IReadOnlyList<string> payloads, CancellationToken cancellationToken);
}

/// <summary>One instance (SQLite): nobody else to tell.</summary>
internal sealed class InProcessFanOut : IBusFanOut
{
    public Task NotifyInTransactionAsync(DbTransaction transaction, IReadOnlyList<string> payloads, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public Task NotifyAsync(IReadOnlyList<string> payloads, CancellationToken cancellationToken) => Task.CompletedTask;
}
