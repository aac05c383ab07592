using System.Security.Claims;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CertifyTrack.Modules.Users.Auth;

/// <summary>
/// A refresh token is good for one refresh. OpenIddict marks it redeemed only while issuing the new
/// tokens and, for refresh tokens, ignores whether that write won (it allows a reuse leeway), so N
/// concurrent refreshes with one token all succeeded. Here one conditional <c>UPDATE</c> (valid →
/// redeemed) picks the single winner before anything is issued; every loser is a reuse. A reuse,
/// concurrent (<see cref="TryRedeemAsync"/>) or later (<see cref="Handler"/>, before OpenIddict
/// refuses the redeemed token), means the token was copied: the whole authorization ends, the
/// winner's new tokens and live WebSockets with it (<see cref="SessionRevocation.RevokeAuthorizationsAsync"/>).
/// </summary>
internal sealed class RefreshTokenReuse(IDbContextFactory<UsersDbContext> contexts, TimeProvider time, IServiceProvider services)
{
    /// <summary>Redeems the validated refresh token; false (and the session ended) if another request already had.</summary>
    public async Task<bool> TryRedeemAsync(ClaimsPrincipal refreshToken, CancellationToken cancellationToken)
    {
        var tokenId = refreshToken.GetTokenId();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var redeemed = await db.Set<OpenIddictEntityFrameworkCoreToken>()
            .Where(t => t.Id == tokenId && t.Status == Statuses.Valid)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, Statuses.Redeemed)
                .SetProperty(t => t.RedemptionDate, now)
                .SetProperty(t => t.ConcurrencyToken, Guid.NewGuid().ToString()), cancellationToken);
        if (redeemed == 1)
        {
            return true;
        }

        await EndSessionAsync(db, refreshToken.GetClaim(Claims.Subject), refreshToken.GetAuthorizationId(), cancellationToken);
        return false;
    }

    /// <summary>A replay of a refresh token OpenIddict is about to refuse: if it was redeemed before, its session ends.</summary>
    public async Task EndIfRedeemedAsync(string tokenId, string? subject, string? authorizationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var status = await db.Set<OpenIddictEntityFrameworkCoreToken>().Where(t => t.Id == tokenId)
            .Select(t => t.Status).FirstOrDefaultAsync(cancellationToken);
        if (status == Statuses.Redeemed)
        {
            await EndSessionAsync(db, subject, authorizationId, cancellationToken);
        }
    }

    private async Task EndSessionAsync(UsersDbContext db, string? subject, string? authorizationId, CancellationToken cancellationToken)
    {
        if (subject is null || authorizationId is null)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var bus = services.GetRequiredService<IEventBus>();   // the host's bus, per call: modules are composed without one
        await SessionRevocation.RevokeAuthorizationsAsync(db, bus, subject, [authorizationId], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Runs just before OpenIddict's token entry check: a refresh token already redeemed (a replay
    /// after the fact) ends its authorization, not only the tokens OpenIddict itself revokes.
    /// </summary>
    internal sealed class Handler(RefreshTokenReuse reuse) : IOpenIddictServerHandler<OpenIddictServerEvents.ValidateTokenContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ValidateTokenContext>()
                .UseSingletonHandler<Handler>()
                .SetOrder(OpenIddictServerHandlers.Protection.ValidateTokenEntry.Descriptor.Order - 1)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public async ValueTask HandleAsync(OpenIddictServerEvents.ValidateTokenContext context)
        {
            if (context.Principal is not { } principal || !principal.HasTokenType(TokenTypeIdentifiers.RefreshToken)
                || context.TokenId is not { } tokenId)
            {
                return;
            }

            await reuse.EndIfRedeemedAsync(tokenId, principal.GetClaim(Claims.Subject), context.AuthorizationId, context.CancellationToken);
        }
    }
}
