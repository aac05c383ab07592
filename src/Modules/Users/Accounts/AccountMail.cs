using System.Globalization;
using CertifyTrack.Modules.Users.Email;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>
/// The account emails, queued in the caller's transaction. A mail with a link gets a new token only when
/// the recipient's <see cref="EmailThrottle"/> lets the mail through; earlier links stay valid.
/// </summary>
internal sealed class AccountMail(AccountTokens tokens, EmailOutbox outbox, IOptions<AccountOptions> options, TimeProvider time)
{
    public const string SetPasswordTemplate = "set-password";
    public const string RegistrationNoticeTemplate = "registration-attempt";

    /// <summary>Queues a verification link; false when the throttle held it back.</summary>
    public async Task<bool> SendVerificationAsync(UsersDbContext db, User user, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!await SendLinkAsync(db, user, TokenPurpose.EmailVerification, settings.VerificationTokenLifetime, "verify-email", "verify-email", cancellationToken))
        {
            return false;
        }

        user.VerificationSentAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Queues a password reset link; false when the throttle held it back.</summary>
    public Task<bool> SendPasswordResetAsync(UsersDbContext db, User user, CancellationToken cancellationToken) =>
        SendLinkAsync(db, user, TokenPurpose.PasswordReset, options.Value.ResetTokenLifetime, "password-reset", "reset-password", cancellationToken);

    /// <summary>
    /// Adds a set-password token (<c>Users:SetPasswordTokenLifetime</c>, 7 days) and its email with the
    /// link <c>{PublicBaseUrl}/set-password?token=…</c> for each new user whose address the throttle lets
    /// through (one statement for all), without saving: the caller's one <c>SaveChanges</c> inserts them
    /// all in batches, inside its transaction.
    /// </summary>
    public async Task AddSetPasswordInvitationsAsync(UsersDbContext db, IReadOnlyList<User> users, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var issued = users.Select(u => tokens.New(u.Id, TokenPurpose.SetPassword, settings.SetPasswordTokenLifetime)).ToList();
        var queued = await outbox.AddManyAsync(db, [.. users.Select((user, i) =>
        {
            var message = Message(user, SetPasswordTemplate, settings.Link("set-password", issued[i].Token), issued[i].Row.ExpiresAt);
            return message with { Model = new Dictionary<string, string?>(message.Model) { ["username"] = user.Username } };
        })], cancellationToken);
        db.AccountTokens.AddRange(issued.Where((_, i) => queued[i]).Select(i => i.Row));
    }

    /// <summary>
    /// Tells the owner of <paramref name="owner"/>'s address that someone tried to register with it,
    /// at most once per <c>Users:RegistrationNoticeInterval</c>; false when one was sent within it (or the throttle held it back).
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

        return await outbox.EnqueueAsync(
            db,
            new EmailMessage(owner.Email, RegistrationNoticeTemplate, new Dictionary<string, string?>
            {
                ["first_name"] = owner.FirstName,
                ["username"] = owner.Username,
                ["attempted_at"] = Format(now),
            }) { IsSecurity = true },
            cancellationToken);
    }

    public Task<bool> SendPasswordChangedAsync(UsersDbContext db, User user, CancellationToken cancellationToken) =>
        outbox.EnqueueAsync(
            db,
            new EmailMessage(user.Email, "password-changed", new Dictionary<string, string?>
            {
                ["first_name"] = user.FirstName,
                ["changed_at"] = Format(time.GetUtcNow().UtcDateTime),
            }) { IsSecurity = true },
            cancellationToken);

    /// <summary>The mail first (it may be throttled), then its token, saved in the caller's transaction.</summary>
    private async Task<bool> SendLinkAsync(
        UsersDbContext db, User user, TokenPurpose purpose, TimeSpan lifetime, string template, string path, CancellationToken cancellationToken)
    {
        var (row, token) = tokens.New(user.Id, purpose, lifetime);
        if (!await outbox.EnqueueAsync(db, Message(user, template, options.Value.Link(path, token), row.ExpiresAt), cancellationToken))
        {
            return false;
        }

        db.AccountTokens.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static EmailMessage Message(User user, string template, string link, DateTime expires) =>
        new(user.Email, template, new Dictionary<string, string?>
        {
            ["first_name"] = user.FirstName,
            ["link"] = link,
            ["expires_at"] = Format(expires),
        }) { IsSecurity = true };

    private static string Format(DateTime value) => value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
