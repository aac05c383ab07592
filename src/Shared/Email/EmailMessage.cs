namespace CertifyTrack.Shared.Email;

/// <summary>
/// One email to send: a registered template (<see cref="Template"/>, e.g. <c>verify-email</c>)
/// and the values it may show. Values are plain strings: templates see a dictionary, never a
/// .NET object, and every value is HTML-encoded in the body.
/// </summary>
public sealed record EmailMessage(string To, string Template, IReadOnlyDictionary<string, string?> Model)
{
    /// <summary>Security mail (verification, reset, password changed) that preferences cannot switch off.</summary>
    public bool IsSecurity { get; init; }
}
