using CertifyTrack.Shared.Events;

namespace CertifyTrack.Modules.Users.Contracts;

/// <summary>
/// A user's password was reset or changed (committed). The user's other sessions (tokens, sign-in
/// cookies, WebSockets) were revoked in the same transaction; this is for modules that react further.
/// </summary>
public sealed record PasswordChanged(long UserId, string Reason) : IIntegrationEvent;
