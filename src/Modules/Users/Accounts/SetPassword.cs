namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>
/// <c>setPassword</c>: the first password of an invited user, with the invitation email's token (7 days,
/// single use, 5 wrong guesses); its own token kind, so a reset token does not work here nor this one there.
/// </summary>
internal static class SetPassword
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Command<SetPasswordInput, SetPasswordPayload>("setPassword")
            .Description("Sets the first password of an invited user with the token of the invitation email.")
            .AllowAnonymous()
            .Expensive(ExpensiveWork.PasswordHashing, ExpensiveWork.Email)
            .Resolve(async (command, input) =>
            {
                await command.Service<TokenRedemption>().SetFirstPasswordAsync(input.Token, input.NewPassword, command.CancellationToken);
                return new SetPasswordPayload(PasswordSet: true);
            });
}

internal sealed record SetPasswordInput(string Token, string NewPassword);

internal sealed record SetPasswordPayload([Description("True once the password is set; the user can sign in with it.")] bool PasswordSet) : Payload;
