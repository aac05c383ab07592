using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Persistence;

namespace CertifyTrack.Modules.Users.Admin.Invitations;

/// <summary>
/// Sends "set your password" invitations to users an admin created or imported. Runs inside the
/// caller's open transaction on <c>db</c> (the users must already have ids): the invitation is
/// stored, and later sent, only if the caller's change commits.
/// <para>
/// The implementation here stores a hashed token and audits the invitation; the email itself is
/// the outbox's job (built in parallel) — the merger wires <see cref="SetPasswordInvitations"/>
/// to enqueue one outbox message per user with the link <c>{PublicBaseUrl}/set-password?token=…</c>.
/// </para>
/// </summary>
internal interface ISetPasswordInvitations
{
    Task SendAsync(UsersDbContext db, User user, CancellationToken cancellationToken);

    /// <summary>The same for many users at once (an import): one insert batch and one audit row.</summary>
    Task SendManyAsync(UsersDbContext db, IReadOnlyList<User> users, CancellationToken cancellationToken);
}
