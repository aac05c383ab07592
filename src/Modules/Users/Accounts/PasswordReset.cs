using CertifyTrack.Modules.Users.Auth;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.Events;
using CertifyTrack.Shared.GraphQL.Mutations;
using CertifyTrack.Shared.Notifications;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>
/// <c>requestPasswordReset</c> (answers the same for every address) and <c>resetPassword</c>
/// (single-use token, 30 minutes, 5 wrong guesses). A reset clears lockout, revokes every session
/// of the user in the same transaction (<see cref="SessionRevocation"/>) and publishes
/// <see cref="PasswordChanged"/> after commit.
/// </summary>
internal static class PasswordReset
{
    public static void Declare(ObjectGraphType mutation)
    {
        mutation.Mutation<RequestPasswordResetInputType, RequestPasswordResetPayloadType>("requestPasswordReset")
            .Description("Emails a password reset link. Answers the same for any email address.")
            .AllowAnonymous()
            .Resolve<EmailInput, RequestPasswordResetPayload>(async (context, input) =>
            {
                var ct = context.CancellationToken;
                var email = User.Normalize(input.Email ?? "");
                await using var db = await context.UsersDbAsync();
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == email, ct);
                if (user is { IsActive: true })
                {
                    await context.Service<AccountMail>().SendPasswordResetAsync(db, user, ct);
                    await context.Service<IAuditLog>().RecordAsync(
                        db, new AuditEntry("user.password_reset_requested", "User", $"{user.Id}") { ActorId = user.Id }, ct);
                    await tx.CommitAsync(ct);
                }

                return new RequestPasswordResetPayload();
            });

        mutation.Mutation<ResetPasswordInputType, ResetPasswordPayloadType>("resetPassword")
            .Description("Sets a new password with the token of the emailed link.")
            .AllowAnonymous()
            .Resolve<ResetPasswordInput, ResetPasswordPayload>(async (context, input) =>
            {
                PasswordPolicy.Enforce(input.NewPassword, "input", "newPassword");
                var ct = context.CancellationToken;
                var options = context.Service<IOptions<AccountOptions>>().Value;
                await using var db = await context.UsersDbAsync();
                var tokens = context.Service<AccountTokens>();
                var token = await tokens.FindAsync(db, input.Token, TokenPurpose.PasswordReset, options.ResetTokenMaxAttempts, ct);
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                if (token is null || !await tokens.ConsumeAsync(db, token, ct))
                {
                    throw EmailVerification.InvalidToken();
                }

                var user = await db.Users.SingleAsync(u => u.Id == token.UserId, ct);
                user.Password = PasswordHashing.Hash(user, input.NewPassword);
                user.FailedLoginAttempts = 0;
                user.AccountLockedUntil = null;
                await db.SaveChangesAsync(ct);
                await db.AccountTokens.Where(t => t.UserId == user.Id && t.Purpose == TokenPurpose.PasswordReset && t.UsedAt == null)
                    .ExecuteDeleteAsync(ct);
                var revoked = await SessionRevocation.RevokeAsync(db, context.Service<IEventBus>(), user.Id, keep: null, ct);
                await context.Service<AccountMail>().SendPasswordChangedAsync(db, user, ct);
                await context.Service<INotifier>().NotifyAsync(db, user.Id, AccountNotices.PasswordReset(), ct);
                await context.Service<IAuditLog>().RecordAsync(
                    db, new AuditEntry("user.password_reset", "User", $"{user.Id}") { ActorId = user.Id, NewValues = new { lockoutCleared = true, tokensRevoked = revoked } }, ct);
                context.Service<IEventBus>().PublishAfterCommit(db, new PasswordChanged(user.Id, "reset"));
                await tx.CommitAsync(ct);
                return new ResetPasswordPayload { Reset = true };
            });
    }
}

internal sealed class ResetPasswordInput
{
    public string Token { get; set; } = "";

    public string NewPassword { get; set; } = "";
}

internal sealed class RequestPasswordResetInputType : InputObjectGraphType<EmailInput>
{
    public RequestPasswordResetInputType()
    {
        Name = "RequestPasswordResetInput";
        Field<NonNullGraphType<StringGraphType>>("email");
    }
}

internal sealed class ResetPasswordInputType : InputObjectGraphType<ResetPasswordInput>
{
    public ResetPasswordInputType()
    {
        Field(i => i.Token);
        Field(i => i.NewPassword);
    }
}

internal sealed class RequestPasswordResetPayload : Payload;

internal sealed class ResetPasswordPayload : Payload
{
    public bool Reset { get; init; }
}

internal sealed class RequestPasswordResetPayloadType : PayloadGraphType<RequestPasswordResetPayload>;

internal sealed class ResetPasswordPayloadType : PayloadGraphType<ResetPasswordPayload>
{
    public ResetPasswordPayloadType() => Field(p => p.Reset).Description("True once the new password is set.");
}
