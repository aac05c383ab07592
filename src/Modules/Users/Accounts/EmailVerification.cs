using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Mutations;
using GraphQL.Types;

namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>
/// <c>verifyEmail</c> (the token from the emailed link; <see cref="TokenRedemption"/>, shared with
/// the <c>/verify-email</c> page) and <c>resendVerification</c>, which answers the same, in the same
/// time, whether or not the email names an unverified account (<see cref="AccountMailRequests"/>).
/// </summary>
internal static class EmailVerification
{
    public static void Declare(ObjectGraphType mutation)
    {
        mutation.Mutation<VerifyEmailInputType, VerifyEmailPayloadType>("verifyEmail")
            .Description("Confirms an email address with the token of the emailed link.")
            .AllowAnonymous()
            .Resolve<TokenInput, VerifyEmailPayload>(async (context, input) =>
            {
                await context.Service<TokenRedemption>().VerifyEmailAsync(input.Token, context.CancellationToken);
                return new VerifyEmailPayload { Verified = true };
            });

        mutation.Mutation<ResendVerificationInputType, ResendVerificationPayloadType>("resendVerification")
            .Description("Emails a new verification link. Answers the same for any email address.")
            .AllowAnonymous()
            .Expensive(ExpensiveWork.Email)
            .Resolve<EmailInput, ResendVerificationPayload>(async (context, input) =>
            {
                // As requestPasswordReset: recorded alike for every address, mailed off the request path.
                await using var db = await context.UsersDbAsync();
                await context.Service<AccountMailRequests>().RecordAsync(db, AccountMailKind.Verification, input.Email, context.CancellationToken);
                return new ResendVerificationPayload();
            });
    }
}

internal sealed class TokenInput
{
    public string Token { get; set; } = "";
}

internal sealed class EmailInput
{
    public string? Email { get; set; }
}

internal sealed class VerifyEmailInputType : InputObjectGraphType<TokenInput>
{
    public VerifyEmailInputType()
    {
        Name = "VerifyEmailInput";
        Field(i => i.Token);
    }
}

internal sealed class ResendVerificationInputType : InputObjectGraphType<EmailInput>
{
    public ResendVerificationInputType()
    {
        Name = "ResendVerificationInput";
        Field<NonNullGraphType<StringGraphType>>("email");
    }
}

internal sealed class VerifyEmailPayload : Payload
{
    public bool Verified { get; init; }
}

internal sealed class ResendVerificationPayload : Payload;

internal sealed class VerifyEmailPayloadType : PayloadGraphType<VerifyEmailPayload>
{
    public VerifyEmailPayloadType() => Field(p => p.Verified).Description("True once the address is confirmed.");
}

internal sealed class ResendVerificationPayloadType : PayloadGraphType<ResendVerificationPayload>;
