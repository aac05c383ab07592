namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>
/// <c>requestPasswordReset</c>: answers the same, in the same time, for every address (one INSERT of
/// <see cref="AccountMailRequests"/>; the mail, throttled per address, is made off the request path).
/// Earlier links stay valid.
/// </summary>
internal static class RequestPasswordReset
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Command<RequestPasswordResetInput, RequestPasswordResetPayload>("requestPasswordReset")
            .Description("Emails a password reset link. Answers the same for any email address.")
            .AllowAnonymous()
            .Expensive(ExpensiveWork.Email)
            .RunWithoutTransaction<UsersDbContext>(async (command, input) =>
            {
                await command.Service<AccountMailRequests>().RecordAsync(command.Db, AccountMailKind.PasswordReset, input.Email, command.CancellationToken);
                return new RequestPasswordResetPayload();
            });
}

internal sealed record RequestPasswordResetInput(string Email);

internal sealed record RequestPasswordResetPayload : Payload;
