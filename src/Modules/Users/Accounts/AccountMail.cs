using System.Globalization;
using CertifyTrack.Modules.Users.Email;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>The account emails: each issues its token and queues the message in the caller's transaction.</summary>
internal sealed class AccountMail(AccountTokens tokens, EmailOutbox outbox, IOptions<AccountOptions> options, TimeProvider time)
{
    public const string SetPasswordTemplate = "set-password";
    public const string RegistrationNoticeTemplate = "registration-attempt";

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

    /// <summary>
    /// Adds a set-password token (<c>Users:SetPasswordTokenLifetime</c>, 7 days) and its email with the
    /// link <c>{PublicBaseUrl}/set-password?token=…</c> for each new user, without saving: the caller's
    /// one <c>SaveChanges</c> inserts them all in batches, inside its transaction.
    /// </summary>
    public void AddSetPasswordInvitations(UsersDbContext db, IReadOnlyList<User> users)
    {
        var settings = options.Value;
        var issued = tokens.AddForNewUsers(db, [.. users.Select(u => u.Id)], TokenPurpose.SetPassword, settings.SetPasswordTokenLifetime);
        outbox.AddMany(db, users.Select((user, i) =>
        {
            var message = Message(user, SetPasswordTemplate, settings.Link("set-password", issued[i].Token), issued[i].ExpiresAt);
            return message with { Model = new Dictionary<string, string?>(message.Model) { ["username"] = user.Username } };
        }));
    }

    /// <summary>
    /// Tells the owner of <paramref name="owner"/>'s address that someone tried to register with it,
    /// at most once per <c>Users:RegistrationNoticeInterval</c>; false when one was sent within it.
    /// </summary>
    public async Task<bool> SendRegistrationNoticeAsync(UsersDbContext db, User owner, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var cutoff = now - options.Value.RegistrationNoticeInterval;
        // One conditional UPDATE claims the notice: of many concurrent attempts only one changes the
        // row, so the throttle holds under a flood of registrations with one address.
        var claimed = await db.Users
            .Where(u => u.Id == owner.Id && (u.RegistrationNoticeSentAt == null || u.RegistrationNoticeSentAt <= cutoff))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.RegistrationNoticeSentAt, now), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        await outbox.EnqueueAsync(
            db,
            new EmailMessage(owner.Email, RegistrationNoticeTemplate, new Dictionary<string, string?>
            {
                ["first_name"] = owner.FirstName,
                ["username"] = owner.Username,
                ["attempted_at"] = Format(now),
            }) { IsSecurity = true },
            cancellationToken);
        return true;
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
