namespace CertifyTrack.Modules.Events.Contracts;

/// <summary>
/// The question Events needs the Venues module to answer (Venues implements it and replaces the
/// default, which answers "no" to both: a venue-requiring event cannot be scheduled before Venues
/// exists). Asked inside the Events command's transaction.
/// </summary>
public interface IEventVenueCheck
{
    /// <summary>Whether the event holds an approved hall booking covering its date and time (start to end, UTC).</summary>
    Task<bool> HasApprovedBookingAsync(long eventId, DateTime startsAtUtc, DateTime endsAtUtc, CancellationToken cancellationToken);

    /// <summary>Whether the event holds any live booking (pending or approved): its date and time may not change then.</summary>
    Task<bool> HoldsBookingAsync(long eventId, CancellationToken cancellationToken);
}

/// <summary>The default until Venues registers its own: no event holds a booking.</summary>
internal sealed class NoVenueCheck : IEventVenueCheck
{
    public Task<bool> HasApprovedBookingAsync(long eventId, DateTime startsAtUtc, DateTime endsAtUtc, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<bool> HoldsBookingAsync(long eventId, CancellationToken cancellationToken) => Task.FromResult(false);
}
