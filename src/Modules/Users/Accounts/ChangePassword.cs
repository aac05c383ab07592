using CertifyTrack.Modules.Users.Auth;
using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Mutations;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>
/// <c>changePassword</c>: the signed-in user, with the current password. The current password is
/// checked like a sign-in (<see cref="LoginRules.CheckPasswordAsync"/>): a wrong one counts toward the
/// lockout of the caller's network, and while that is locked the mutation answers
/// <c>ACCOUNT_LOCKED</c> without checking it, so that a stolen access token is no password oracle.
/// Every other session of the user is revoked in the same transaction as the new hash (tokens,
/// sign-in cookies, WebSockets); the session the change is made from keeps its tokens.
/// </summary>
internal static class ChangePassword
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Mutation<ChangePasswordInputType, ChangePasswordPayloadType>("changePassword")
            .Description("Changes the signed-in user's password; other sessions are signed out.")
            .Authorize()
            .Expensive(ExpensiveWork.PasswordHashing, ExpensiveWork.Email)
            .Resolve<ChangePasswordInput, ChangePasswordPayload>(async (context, input) =>
            {
                var callerId = context.CallerId();
                var ct = context.CancellationToken;
                await using var db = await context.UsersDbAsync();
                var user = await db.Users.SingleOrDefaultAsync(u => u.Id == callerId, ct)
                    ?? throw new UserErrorException("NOT_FOUND", "Your account no longer exists.");
                await CheckCurrentPasswordAsync(context, user, input.CurrentPassword);

                PasswordPolicy.Enforce(input.NewPassword, "input", "newPassword");
                if (input.NewPassword == input.CurrentPassword)
                {
                    throw new UserErrorException("SAME_PASSWORD", "Choose a password different from the current one.", "input", "newPassword");
                }

                var hash = await PasswordHashing.HashAsync(user, input.NewPassword, ct);   // outside the transaction: a hash may wait for the gate
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                user.Password = hash;
                await db.SaveChangesAsync(ct);
                var revoked = await PasswordChanges.FollowUpAsync(
                    context.RequestServices!, db, user, keep: context.User, "changed", AccountNotices.PasswordChanged(), ct);
                await context.Service<IAuditLog>().RecordAsync(
                    db, new AuditEntry("user.password_changed", "User", $"{user.Id}") { NewValues = new { tokensRevoked = revoked } }, ct);
                await tx.CommitAsync(ct);
                return new ChangePasswordPayload { Changed = true };
            });

    /// <summary>Counted before the transaction: on SQLite the count's own connection would wait for the transaction's write lock.</summary>
    private static async Task CheckCurrentPasswordAsync(IResolveFieldContext context, User user, string currentPassword)
    {
        if (!context.Service<UsernameRateLimiter>().TryAcquire(user.Username))
        {
            throw new UserErrorException("TOO_MANY_ATTEMPTS", "Too many password attempts. Please wait a minute.", "input", "currentPassword");
        }

        var source = SignInSource.Of(context.Service<IHttpContextAccessor>().HttpContext?.Connection.RemoteIpAddress);
        var result = await context.Service<LoginRules>().CheckPasswordAsync(user, currentPassword, source, context.CancellationToken);
        if (result.Outcome == LoginOutcome.Locked)
        {
            throw new UserErrorException("ACCOUNT_LOCKED", TokenErrors.Describe(result), "input", "currentPassword");
        }

        if (result.Outcome != LoginOutcome.Success)
        {
            throw new UserErrorException("WRONG_PASSWORD", "The current password is not correct.", "input", "currentPassword");
        }
    }
}

internal sealed class ChangePasswordInput
{
    public string CurrentPassword { get; set; } = "";

    public string NewPassword { get; set; } = "";
}

internal sealed class ChangePasswordInputType : InputObjectGraphType<ChangePasswordInput>
{
    public ChangePasswordInputType()
    {
        Field(i => i.CurrentPassword);
        Field(i => i.NewPassword);
    }
}

internal sealed class ChangePasswordPayload : Payload
{
    public bool Changed { get; init; }
}

internal sealed class ChangePasswordPayloadType : PayloadGraphType<ChangePasswordPayload>
{
    public ChangePasswordPayloadType() => Field(p => p.Changed).Description("True once the new password is set.");
}
