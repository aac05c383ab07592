namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>
/// <c>resetPassword</c>: a single-use token (30 minutes, 5 wrong guesses; <see cref="TokenRedemption"/>, shared
/// with the <c>/reset-password</c> page). A reset clears lockout, revokes every session of the user in the
/// same transaction (<see cref="PasswordChanges"/>).
/// </summary>
internal static class ResetPassword
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Command<ResetPasswordInput, ResetPasswordPayload>("resetPassword")
            .Description("Sets a new password with the token of the emailed link.")
            .AllowAnonymous()
            .Expensive(ExpensiveWork.PasswordHashing, ExpensiveWork.Email)
            .Resolve(async (command, input) =>
            {
                await command.Service<TokenRedemption>().ResetPasswordAsync(input.Token, input.NewPassword, command.CancellationToken);
                return new ResetPasswordPayload(Reset: true);
            });
}

internal sealed record ResetPasswordInput(string Token, string NewPassword);

internal sealed record ResetPasswordPayload([Description("True once the new password is set.")] bool Reset) : Payload;
