using CertifyTrack.Modules.Users.Persistence;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Validation;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Validation.OpenIddictValidationEvents;
using static OpenIddict.Validation.OpenIddictValidationHandlers.Protection;

namespace CertifyTrack.Modules.Users.Auth;

/// <summary>
/// The revocation check of every bearer request (ADR 9) in one untracked, precompiled read: the token's
/// entry (status, reference id, type, dates) joined to its authorization's status. It replaces OpenIddict's
/// <see cref="RestoreTokenEntryProperties"/>, <see cref="ValidateTokenEntry"/> and
/// <see cref="ValidateAuthorizationEntry"/>, which loaded the token row twice and the authorization once,
/// each tracked with its application, through the scoped OpenIddict stores: the costliest part of a
/// signed-in request (benchmarks/README.md). The rules are theirs, unchanged: the entry must exist and be
/// <c>valid</c>, must not be a reference token presented as a JWT, its authorization (if any) must be
/// <c>valid</c>, and the principal's dates, token type and ids are restored from the entry (so the
/// expiry checked next is the stored one). Nothing is cached: a revoked token fails on its next request.
/// </summary>
internal sealed class TokenEntryCheck(IDbContextFactory<UsersDbContext> contexts) : IOpenIddictValidationHandler<ValidateTokenContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .AddFilter<OpenIddictValidationHandlerFilters.RequireTokenEntryValidationEnabled>()
            .UseSingletonHandler<TokenEntryCheck>()
            .SetOrder(RestoreTokenEntryProperties.Descriptor.Order)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    /// <summary>The handlers this one replaces (removed from the validation pipeline).</summary>
    public static IEnumerable<OpenIddictValidationHandlerDescriptor> Replaced { get; } =
        [RestoreTokenEntryProperties.Descriptor, ValidateTokenEntry.Descriptor, ValidateAuthorizationEntry.Descriptor];

    // Per instance (one per host), not static: a compiled query is bound to the model of its first run,
    // and one process may run hosts on both providers (the tests do).
    private readonly Func<UsersDbContext, string, CancellationToken, Task<Entry?>> read = EF.CompileAsyncQuery(
        (UsersDbContext db, string id, CancellationToken _) => db.Set<OpenIddictEntityFrameworkCoreToken>().AsNoTracking()
            .Where(t => t.Id == id)
            .Select(t => new Entry(t.Status, t.ReferenceId, t.Type, t.CreationDate, t.ExpirationDate,
                t.Authorization == null ? null : t.Authorization.Id, t.Authorization == null ? null : t.Authorization.Status))
            .FirstOrDefault());

    public async ValueTask HandleAsync(ValidateTokenContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Principal is not { } principal)
        {
            return;   // not a token of ours; ValidatePrincipal refuses it
        }

        // Every token this server issues has an entry; one without an id is not ours to accept.
        var id = principal.GetTokenId();
        Entry? entry = null;
        if (!string.IsNullOrEmpty(id))
        {
            await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
            entry = await read(db, id, context.CancellationToken);
        }

        if (entry is null || (entry.ReferenceId is not null && !context.IsReferenceToken) || entry.Status != Statuses.Valid)
        {
            context.Reject(Errors.InvalidToken, "The specified token is no longer valid.");
            return;
        }

        if (entry.AuthorizationId is not null && entry.AuthorizationStatus != Statuses.Valid)
        {
            context.Reject(Errors.InvalidToken, "The authorization associated with the token is no longer valid.");
            return;
        }

        principal.SetCreationDate(AsUtc(entry.CreationDate))
            .SetExpirationDate(AsUtc(entry.ExpirationDate))
            .SetAuthorizationId(context.AuthorizationId = entry.AuthorizationId)
            .SetTokenId(context.TokenId = id)
            .SetTokenType(entry.Type);
    }

    private static DateTimeOffset? AsUtc(DateTime? date) =>
        date is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;

    private sealed record Entry(
        string? Status, string? ReferenceId, string? Type, DateTime? CreationDate, DateTime? ExpirationDate,
        string? AuthorizationId, string? AuthorizationStatus);
}
