namespace CertifyTrack.Modules.Users.Accounts;

/// <summary><c>verifyEmail</c>: the token from the emailed link (<see cref="TokenRedemption"/>, shared with the <c>/verify-email</c> page).</summary>
internal static class VerifyEmail
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Command<VerifyEmailInput, VerifyEmailPayload>("verifyEmail")
            .Description("Confirms an email address with the token of the emailed link.")
            .AllowAnonymous()
            .Resolve(async (command, input) =>
            {
                await command.Service<TokenRedemption>().VerifyEmailAsync(input.Token, command.CancellationToken);
                return new VerifyEmailPayload(Verified: true);
            });
}

internal sealed record VerifyEmailInput(string Token);

internal sealed record VerifyEmailPayload([Description("True once the address is confirmed.")] bool Verified) : Payload;
