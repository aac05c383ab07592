using System.Globalization;
using System.Security.Claims;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Events;
using CertifyTrack.Shared.Sessions;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CertifyTrack.Modules.Users.Auth;

/// <summary>
/// Signs a user out everywhere when their password changes or their account is disabled: every
/// valid token (access, refresh, code) and authorization whose subject is the user is revoked by
/// set-based <c>UPDATE</c>s inside the caller's transaction, so the revocation commits with the
/// change or not at all (OpenIddict's managers would load each row and save it on their own
/// context, outside the transaction). A revoked access token is refused on its next request
/// (token entry validation), a revoked refresh token at <c>/connect/token</c>. The user's
/// security stamp changes too, which ends sign-in cookies of <c>/connect/authorize</c>, and after
/// the commit <see cref="SessionTopics.Revoked"/> tells every host instance to close the user's
/// WebSockets.
/// </summary>
internal static class SessionRevocation
{
    /// <summary>Revokes the user's sessions, but for the one <paramref name="keep"/> signs in with (null: all).</summary>
    /// <returns>How many tokens were revoked.</returns>
    public static async Task<int> RevokeAsync(
        UsersDbContext db, IEventBus bus, long userId, ClaimsPrincipal? keep, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Revoke sessions inside the transaction of the change that ends them.");
        }

        var subject = userId.ToString(CultureInfo.InvariantCulture);
        var kept = keep is null ? null : SessionTopics.SessionOf(keep);
        // A new concurrency token makes OpenIddict's own update of a row it read before (a refresh
        // token being redeemed right now) fail instead of overwriting the revocation.
        var concurrencyToken = Guid.NewGuid().ToString();

        var tokens = await db.Set<OpenIddictEntityFrameworkCoreToken>()
            .Where(t => t.Subject == subject && (t.Status == Statuses.Valid || t.Status == Statuses.Inactive))
            .Where(t => kept == null || (t.Id != kept && EF.Property<string?>(t, "AuthorizationId") != kept))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, Statuses.Revoked).SetProperty(t => t.ConcurrencyToken, concurrencyToken), cancellationToken);
        await db.Set<OpenIddictEntityFrameworkCoreAuthorization>()
            .Where(a => a.Subject == subject && a.Status == Statuses.Valid && (kept == null || a.Id != kept))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, Statuses.Revoked).SetProperty(a => a.ConcurrencyToken, concurrencyToken), cancellationToken);
        var stamp = Guid.NewGuid().ToString("N");
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, stamp), cancellationToken);

        bus.PublishAfterCommit(db, SessionTopics.Revoked, new SessionsRevoked(subject, kept));
        return tokens;
    }

    /// <summary>
    /// Ends some of a user's sessions, by authorization: a logout, or a refresh token used twice
    /// (stolen). Every token of each authorization is revoked, and the authorization itself, so that
    /// a token minted from it a moment later (a refresh racing this) is refused too (authorization
    /// entry validation). Other sessions, sign-in cookies and the security stamp are left alone.
    /// </summary>
    /// <returns>How many tokens were revoked.</returns>
    public static async Task<int> RevokeAuthorizationsAsync(
        UsersDbContext db, IEventBus bus, string subject, IReadOnlyCollection<string> authorizationIds, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Revoke sessions inside a transaction.");
        }

        if (authorizationIds.Count == 0)
        {
            return 0;
        }

        var ids = authorizationIds.ToArray();
        var concurrencyToken = Guid.NewGuid().ToString();
        var tokens = await db.Set<OpenIddictEntityFrameworkCoreToken>()
            .Where(t => t.Subject == subject && ids.Contains(EF.Property<string?>(t, "AuthorizationId")))
            .Where(t => t.Status == Statuses.Valid || t.Status == Statuses.Inactive)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, Statuses.Revoked).SetProperty(t => t.ConcurrencyToken, concurrencyToken), cancellationToken);
        await db.Set<OpenIddictEntityFrameworkCoreAuthorization>()
            .Where(a => a.Subject == subject && ids.Contains(a.Id!) && a.Status == Statuses.Valid)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, Statuses.Revoked).SetProperty(a => a.ConcurrencyToken, concurrencyToken), cancellationToken);
        foreach (var id in ids)
        {
            bus.PublishAfterCommit(db, SessionTopics.Revoked, new SessionsRevoked(subject, KeptSession: null, OnlySession: id));
        }

        return tokens;
    }
}
