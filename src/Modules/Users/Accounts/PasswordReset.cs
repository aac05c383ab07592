using CertifyTrack.Modules.Users.Auth;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Shared.Events;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Mutations;
using CertifyTrack.Shared.Notifications;
using GraphQL.Types;

namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>
/// <c>requestPasswordReset</c> (answers the same, in the same time, for every address: the work is done
/// by <see cref="AccountMailRequests"/>; earlier links stay valid) and <c>resetPassword</c>
/// (single-use token, 30 minutes, 5 wrong guesses; <see cref="TokenRedemption"/>, shared with the
/// <c>/reset-password</c> page). A reset clears lockout, revokes every session of the user in the
/// same transaction (<see cref="CertifyTrack.Modules.Users.Auth.SessionRevocation"/>) and publishes
/// <see cref="PasswordChanged"/> after commit.
/// </summary>
internal static class PasswordReset
{
    public static void Declare(ObjectGraphType mutation)
    {
        mutation.Mutation<RequestPasswordResetInputType, RequestPasswordResetPayloadType>("requestPasswordReset")
            .Description("Emails a password reset link. Answers the same for any email address.")
            .AllowAnonymous()
            .Expensive(ExpensiveWork.Email)
            .Resolve<EmailInput, RequestPasswordResetPayload>(async (context, input) =>
            {
                // The same one INSERT for every address: whether it has an account shows neither in the
                // answer nor in its time. The mail, throttled per address, is made off the request path.
                await using var db = await context.UsersDbAsync();
                await context.Service<AccountMailRequests>().RecordAsync(db, AccountMailKind.PasswordReset, input.Email, context.CancellationToken);
                return new RequestPasswordResetPayload();
            });

        mutation.Mutation<ResetPasswordInputType, ResetPasswordPayloadType>("resetPassword")
            .Description("Sets a new password with the token of the emailed link.")
            .AllowAnonymous()
            .Expensive(ExpensiveWork.PasswordHashing, ExpensiveWork.Email)
            .Resolve<ResetPasswordInput, ResetPasswordPayload>(async (context, input) =>
            {
                await context.Service<TokenRedemption>().ResetPasswordAsync(input.Token, input.NewPassword, context.CancellationToken);
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
