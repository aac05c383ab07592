using System.Security.Claims;
using CertifyTrack.Modules.Users.Auth;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Events;
using CertifyTrack.Shared.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>
/// What every way of setting a password (<c>changePassword</c>, <c>resetPassword</c>,
/// <c>setPassword</c>) does once the new hash is saved, inside the change's transaction: revoke
/// the user's sessions (but <c>keep</c>'s), burn the unused reset and invitation links, mail the
/// "password changed" notice and notify in the app when asked. One place, so that a new path cannot
/// forget a step. The caller audits. Nothing is published: what must follow a password change happens
/// here, in the transaction; a module that must react later gets a durable event then (ADR 12).
/// </summary>
internal static class PasswordChanges
{
    /// <returns>How many tokens were revoked.</returns>
    public static async Task<int> FollowUpAsync(
        IServiceProvider services, UsersDbContext db, User user, ClaimsPrincipal? keep,
        NotificationRequest? notice, CancellationToken cancellationToken)
    {
        var bus = services.GetRequiredService<IEventBus>();   // the host's bus, per call
        var revoked = await SessionRevocation.RevokeAsync(db, bus, user.Id, keep, cancellationToken);
        await AccountTokens.DropPasswordTokensAsync(db, user.Id, cancellationToken);
        await services.GetRequiredService<AccountMail>().SendPasswordChangedAsync(db, user, cancellationToken);
        if (notice is not null)
        {
            await services.GetRequiredService<INotifier>().NotifyAsync(db, user.Id, notice, cancellationToken);
        }

        return revoked;
    }
}
