namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>
/// <c>resendVerification</c>: as <see cref="RequestPasswordReset"/>, recorded alike for every address and
/// mailed off the request path, so the answer tells nothing about the address.
/// </summary>
internal static class ResendVerification
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Command<ResendVerificationInput, ResendVerificationPayload>("resendVerification")
            .Description("Emails a new verification link. Answers the same for any email address.")
            .AllowAnonymous()
            .Expensive(ExpensiveWork.Email)
            .RunWithoutTransaction<UsersDbContext>(async (command, input) =>
            {
                await command.Service<AccountMailRequests>().RecordAsync(command.Db, AccountMailKind.Verification, input.Email, command.CancellationToken);
                return new ResendVerificationPayload();
            });
}

internal sealed record ResendVerificationInput(string Email);

internal sealed record ResendVerificationPayload : Payload;
