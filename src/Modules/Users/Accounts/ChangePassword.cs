using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Mutations;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>
/// <c>changePassword</c>: the signed-in user, with the current password. Every other session of
/// the user is revoked in the same transaction (tokens, sign-in cookies, WebSockets); the session
/// the change is made from keeps its tokens, so the caller is not signed out by their own change.
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
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var user = await db.Users.SingleOrDefaultAsync(u => u.Id == callerId, ct)
                    ?? throw new UserErrorException("NOT_FOUND", "Your account no longer exists.");
                if (!await PasswordHashing.VerifyAsync(user, input.CurrentPassword, ct))
                {
                    throw new UserErrorException("WRONG_PASSWORD", "The current password is not correct.", "input", "currentPassword");
                }

                PasswordPolicy.Enforce(input.NewPassword, "input", "newPassword");
                if (input.NewPassword == input.CurrentPassword)
                {
                    throw new UserErrorException("SAME_PASSWORD", "Choose a password different from the current one.", "input", "newPassword");
                }

                user.Password = await PasswordHashing.HashAsync(user, input.NewPassword, ct);
                await db.SaveChangesAsync(ct);
                var revoked = await PasswordChanges.FollowUpAsync(
                    context.RequestServices!, db, user, keep: context.User, "changed", AccountNotices.PasswordChanged(), ct);
                await context.Service<IAuditLog>().RecordAsync(
                    db, new AuditEntry("user.password_changed", "User", $"{user.Id}") { NewValues = new { tokensRevoked = revoked } }, ct);
                await tx.CommitAsync(ct);
                return new ChangePasswordPayload { Changed = true };
            });
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
