using System.Globalization;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Email;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>The account emails: each issues its token and queues the message in the caller's transaction.</summary>
internal sealed class AccountMail(AccountTokens tokens, IEmailOutbox outbox, IOptions<AccountOptions> options, TimeProvider time)
{
    public async Task SendVerificationAsync(UsersDbContext db, User user, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var (token, expires) = await tokens.IssueAsync(db, user.Id, TokenPurpose.EmailVerification, settings.VerificationTokenLifetime, cancellationToken);
        user.VerificationSentAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await outbox.EnqueueAsync(db, Message(user, "verify-email", settings.Link("verify-email", token), expires), cancellationToken);
    }

    public async Task SendPasswordResetAsync(UsersDbContext db, User user, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var (token, expires) = await tokens.IssueAsync(db, user.Id, TokenPurpose.PasswordReset, settings.ResetTokenLifetime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await outbox.EnqueueAsync(db, Message(user, "password-reset", settings.Link("reset-password", token), expires), cancellationToken);
    }

    public Task SendPasswordChangedAsync(UsersDbContext db, User user, CancellationToken cancellationToken) =>
        outbox.EnqueueAsync(
            db,
            new EmailMessage(user.Email, "password-changed", new Dictionary<string, string?>
            {
                ["first_name"] = user.FirstName,
                ["changed_at"] = Format(time.GetUtcNow().UtcDateTime),
            }) { IsSecurity = true },
            cancellationToken);

    private static EmailMessage Message(User user, string template, string link, DateTime expires) =>
        new(user.Email, template, new Dictionary<string, string?>
        {
            ["first_name"] = user.FirstName,
            ["link"] = link,
            ["expires_at"] = Format(expires),
        }) { IsSecurity = true };

    private static string Format(DateTime value) => value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
