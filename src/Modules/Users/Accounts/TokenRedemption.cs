using CertifyTrack.Modules.Users.Auth;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.GraphQL.Mutations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>
/// What an emailed link does, shared by the mutations (<c>verifyEmail</c>, <c>resetPassword</c>,
/// <c>setPassword</c>) and the pages the links open (<c>/verify-email</c>, <c>/reset-password</c>,
/// <c>/set-password</c>). Each refusal is a <see cref="UserErrorException"/>; an unknown, expired,
/// used or burnt token always gets the same <c>INVALID_TOKEN</c>. A token is marked used in the
/// same transaction as its effect.
/// </summary>
internal sealed class TokenRedemption(
    IDbContextFactory<UsersDbContext> contexts,
    AccountTokens tokens,
    IAuditLog audit,
    IOptions<AccountOptions> options,
    IServiceProvider services)
{
    public async Task VerifyEmailAsync(string? token, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await tokens.FindAsync(db, token, TokenPurpose.EmailVerification, options.Value.ResetTokenMaxAttempts, cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        if (found is null || !await tokens.ConsumeAsync(db, found, cancellationToken))
        {
            throw InvalidToken();
        }

        var user = await db.Users.SingleAsync(u => u.Id == found.UserId, cancellationToken);
        user.IsEmailVerified = true;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(
            db, new AuditEntry("user.email_verified", "User", $"{user.Id}") { ActorId = user.Id, NewValues = new { isEmailVerified = true } }, cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>The token of a <c>requestPasswordReset</c> email (30 minutes).</summary>
    public Task ResetPasswordAsync(string? token, string? newPassword, CancellationToken cancellationToken) =>
        SetPasswordAsync(token, newPassword, TokenPurpose.PasswordReset, cancellationToken);

    /// <summary>The token of the invitation of a user an admin created or imported (7 days).</summary>
    public Task SetFirstPasswordAsync(string? token, string? newPassword, CancellationToken cancellationToken) =>
        SetPasswordAsync(token, newPassword, TokenPurpose.SetPassword, cancellationToken);

    /// <summary>
    /// Checks the password policy first (a weak password does not spend the token), then consumes the
    /// token, sets the password, clears lockout, signs the user out everywhere and tells them
    /// (<see cref="PasswordChanges"/>; a reset also notifies <c>password_reset</c> in the app), and audits.
    /// </summary>
    private async Task SetPasswordAsync(string? token, string? newPassword, TokenPurpose purpose, CancellationToken cancellationToken)
    {
        PasswordPolicy.Enforce(newPassword, "input", "newPassword");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await tokens.FindAsync(db, token, purpose, options.Value.ResetTokenMaxAttempts, cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        if (found is null || !await tokens.ConsumeAsync(db, found, cancellationToken))
        {
            throw InvalidToken();
        }

        var user = await db.Users.SingleAsync(u => u.Id == found.UserId, cancellationToken);
        user.Password = await PasswordHashing.HashAsync(user, newPassword!, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await LoginAttempts.ClearAsync(db, user.NormalizedUsername, cancellationToken);
        var action = purpose == TokenPurpose.SetPassword ? "user.password_set" : "user.password_reset";
        var notice = purpose == TokenPurpose.PasswordReset ? AccountNotices.PasswordReset() : null;
        var revoked = await PasswordChanges.FollowUpAsync(services, db, user, keep: null, notice, cancellationToken);
        await audit.RecordAsync(
            db, new AuditEntry(action, "User", $"{user.Id}") { ActorId = user.Id, NewValues = new { lockoutCleared = true, tokensRevoked = revoked } }, cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    public static UserErrorException InvalidToken() =>
        new(UsersErrorCodes.InvalidToken, "This link is invalid or has expired. Ask for a new one.", "input", "token");
}
