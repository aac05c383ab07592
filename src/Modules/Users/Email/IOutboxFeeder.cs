namespace CertifyTrack.Modules.Users.Email;

/// <summary>
/// Turns recorded requests into outbox mail before each dispatch (<see cref="OutboxDispatcher"/>), so that
/// work which must not run on the request path (it would tell by its time whether an address has an
/// account) is done by the outbox worker.
/// </summary>
internal interface IOutboxFeeder
{
    /// <summary>Handles what is pending; returns how many requests it handled.</summary>
    Task<int> FeedAsync(CancellationToken cancellationToken);
}
