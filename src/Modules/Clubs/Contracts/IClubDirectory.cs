namespace CertifyTrack.Modules.Clubs.Contracts;

/// <summary>Finds clubs by name for other modules (the demo seeders: Events puts its demo events in the demo clubs).</summary>
public interface IClubDirectory
{
    /// <summary>The ids of the clubs with these names (compared trimmed and case-insensitively), keyed by the name as asked; unknown names are left out.</summary>
    Task<IReadOnlyDictionary<string, long>> IdsByNameAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken = default);
}
