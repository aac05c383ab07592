using System.Security.Claims;
using CertifyTrack.Shared.Events;

namespace CertifyTrack.Shared.Sessions;

/// <summary>
/// A user's sessions were revoked (password changed or reset, account disabled), or one of them
/// (a logout, a reused refresh token), committed. Published on <see cref="SessionTopics.Revoked"/>
/// so that every host instance closes the user's live WebSockets, whose token was checked only
/// once, at <c>connection_init</c>.
/// </summary>
/// <param name="Subject">The <c>sub</c> claim of the user's tokens (the user id).</param>
/// <param name="KeptSession">The one session that stays signed in (the caller's own, after a password change), or null.</param>
/// <param name="OnlySession">The one session that ended (the others stay), or null for all of them.</param>
public sealed record SessionsRevoked(string Subject, string? KeptSession, string? OnlySession = null)
{
    /// <summary>Whether a connection signed in as <paramref name="user"/> belongs to a revoked session.</summary>
    public bool Ends(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var session = SessionTopics.SessionOf(user);
        return user.FindFirst(SessionTopics.SubjectClaim)?.Value == Subject
            && (KeptSession is null || session != KeptSession)
            && (OnlySession is null || session == OnlySession);
    }
}

/// <summary>The topic of <see cref="SessionsRevoked"/>, and what names a session in a token's claims.</summary>
public static class SessionTopics
{
    public const string SubjectClaim = "sub";

    /// <summary>
    /// The token server's authorization id: the grant a sign-in creates, shared by its refresh
    /// tokens and every access token issued from them (OpenIddict's <c>oi_au_id</c>).
    /// </summary>
    public const string AuthorizationClaim = "oi_au_id";

    /// <summary>The token's own id, the session of a token issued without an authorization (OpenIddict's <c>oi_tkn_id</c>).</summary>
    public const string TokenClaim = "oi_tkn_id";

    /// <summary>One topic for every user: revocations are rare and each instance checks its own sockets.</summary>
    public static readonly Topic<SessionsRevoked> Revoked = new("sessions.revoked");

    /// <summary>The session a token belongs to: its authorization, else the token itself; null for other principals.</summary>
    public static string? SessionOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst(AuthorizationClaim)?.Value ?? user.FindFirst(TokenClaim)?.Value;
    }
}
