using CertifyTrack.Modules.Users.Auth;
using Microsoft.AspNetCore.Http;

namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>
/// <c>changePassword</c>: the signed-in user, with the current password, checked like a sign-in
/// (<see cref="LoginRules.CheckPasswordAsync"/>): a wrong one counts toward the lockout of the caller's network,
/// and while that is locked the answer is <c>ACCOUNT_LOCKED</c> without checking it, so that a stolen access token
/// is no password oracle. Every other session is revoked in the transaction of the new hash; this one keeps its tokens.
/// The check and the hash run before the transaction: on SQLite the lockout count's own connection would wait for
/// the transaction's write lock, and a hash may wait for the hashing gate.
/// </summary>
internal static class ChangePassword
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Command<ChangePasswordInput, ChangePasswordPayload>("changePassword")
            .Description("Changes the signed-in user's password; other sessions are signed out.")
            .Authorize()
            .Expensive(ExpensiveWork.PasswordHashing, ExpensiveWork.Email)
            .RunWithoutTransaction<UsersDbContext>(async (command, input) =>
            {
                var ct = command.CancellationToken;
                var user = await command.Db.Users.SingleOrDefaultAsync(u => u.Id == command.Caller.Id, ct)
                    ?? throw new UserErrorException(PlatformErrorCodes.NotFound, "Your account no longer exists.");
                await CheckCurrentPasswordAsync(command, user, input.CurrentPassword);
                PasswordPolicy.CheckChange(input.CurrentPassword, input.NewPassword);
                var hash = await PasswordHashing.HashAsync(user, input.NewPassword, ct);

                await using var tx = await command.Db.Database.BeginTransactionAsync(ct);
                user.Password = hash;
                await command.Db.SaveChangesAsync(ct);
                var revoked = await PasswordChanges.FollowUpAsync(
                    command.Services, command.Db, user, keep: command.Caller.Principal, AccountNotices.PasswordChanged(), ct);
                await command.AuditAsync(new AuditEntry("user.password_changed", UserNode.TypeName, $"{user.Id}") { NewValues = new { tokensRevoked = revoked } });
                await tx.CommitAsync(ct);
                return new ChangePasswordPayload(Changed: true);
            });

    private static async Task CheckCurrentPasswordAsync(CommandContext command, User user, string currentPassword)
    {
        if (!command.Service<UsernameRateLimiter>().TryAcquire(user.Username))
        {
            throw new UserErrorException(UsersErrorCodes.TooManyAttempts, "Too many password attempts. Please wait a minute.", "input", "currentPassword");
        }

        var source = SignInSource.Of(command.Service<IHttpContextAccessor>().HttpContext?.Connection.RemoteIpAddress);
        var result = await command.Service<LoginRules>().CheckPasswordAsync(user, currentPassword, source, command.CancellationToken);
        if (result.Outcome == LoginOutcome.Locked)
        {
            throw new UserErrorException(UsersErrorCodes.AccountLocked, TokenErrors.Describe(result), "input", "currentPassword");
        }

        if (result.Outcome != LoginOutcome.Success)
        {
            throw new UserErrorException(UsersErrorCodes.WrongPassword, "The current password is not correct.", "input", "currentPassword");
        }
    }
}

internal sealed record ChangePasswordInput(string CurrentPassword, string NewPassword);

internal sealed record ChangePasswordPayload([Description("True once the new password is set.")] bool Changed) : Payload;
