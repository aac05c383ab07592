using CertifyTrack.Shared.Events;

namespace CertifyTrack.Modules.Users.Contracts;

/// <summary>
/// A user's password was reset or changed (committed). The token slice handles it by revoking the
/// user's refresh tokens and the access tokens issued with them.
/// </summary>
public sealed record PasswordChanged(long UserId, string Reason) : IIntegrationEvent;
