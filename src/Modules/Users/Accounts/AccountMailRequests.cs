using CertifyTrack.Modules.Users.Email;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>
/// <c>requestPasswordReset</c> and <c>resendVerification</c> only record the request
/// (<see cref="RecordAsync"/>: one <c>INSERT</c>, the same for every address) and ring the outbox worker;
/// the work that depends on whether the address has an account — finding the user, the token, the
/// mail through the throttle, the audit row — happens here, off the request path
/// (<see cref="IOutboxFeeder"/>, run by the worker before each dispatch). Each request is claimed by
/// deleting its row in the transaction that does its work, so with several instances it is done once;
/// one that fails is logged and dropped (the user can ask again) rather than retried forever.
/// </summary>
internal sealed partial class AccountMailRequests(
    IDbContextFactory<UsersDbContext> contexts,
    IServiceScopeFactory scopes,
    IOptions<AccountOptions> options,
    TimeProvider time,
    OutboxSignal signal,
    ILogger<AccountMailRequests> logger) : IOutboxFeeder
{
    private const int BatchSize = 50;

    /// <summary>Records a request for <paramref name="email"/> (malformed or overlong addresses are ignored alike) and rings the worker.</summary>
    public async Task RecordAsync(UsersDbContext db, AccountMailKind kind, string? email, CancellationToken cancellationToken)
    {
        var normalized = User.Normalize(email ?? "");
        if (normalized.Length is 0 or > 254)
        {
            return;
        }

        db.AccountMailRequests.Add(new AccountMailRequest { Kind = kind, Email = normalized, RequestedAt = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        signal.Ring();
    }

    public async Task<int> FeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = await db.AccountMailRequests.AsNoTracking().OrderBy(r => r.Id).Take(BatchSize).ToListAsync(cancellationToken);
        var done = 0;
        foreach (var request in pending)
        {
            try
            {
                done += await HandleAsync(request, cancellationToken) ? 1 : 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogFailed(logger, request.Id, ex);
                await db.AccountMailRequests.Where(r => r.Id == request.Id).ExecuteDeleteAsync(CancellationToken.None);
            }
        }

        return done;
    }

    private async Task<bool> HandleAsync(AccountMailRequest request, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.AccountMailRequests.Where(r => r.Id == request.Id).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return false; // another instance has it
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == request.Email, cancellationToken);
        var mail = scope.ServiceProvider.GetRequiredService<AccountMail>();
        var action = request.Kind switch
        {
            AccountMailKind.PasswordReset when user is { IsActive: true } && await mail.SendPasswordResetAsync(db, user, cancellationToken) =>
                "user.password_reset_requested",
            AccountMailKind.Verification when user is { IsEmailVerified: false, IsActive: true } && MayResend(user)
                && await mail.SendVerificationAsync(db, user, cancellationToken) => "user.verification_resent",
            _ => null,
        };
        if (action is not null)
        {
            await scope.ServiceProvider.GetRequiredService<IAuditLog>().RecordAsync(
                db, new AuditEntry(action, "User", $"{user!.Id}") { ActorId = user.Id }, cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return true;
    }

    private bool MayResend(User user) =>
        user.VerificationSentAt is not { } sent || time.GetUtcNow().UtcDateTime - sent >= options.Value.ResendInterval;

    [LoggerMessage(Level = LogLevel.Error, Message = "Account mail request {RequestId} failed and was dropped.")]
    private static partial void LogFailed(ILogger logger, long requestId, Exception exception);
}
