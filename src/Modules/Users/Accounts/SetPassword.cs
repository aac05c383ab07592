using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Mutations;
using GraphQL.Types;

namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>
/// <c>setPassword</c>: the first password of a user an admin created or imported, with the token of
/// the invitation email (<c>{PublicBaseUrl}/set-password?token=…</c>, 7 days, single use, 5 wrong
/// guesses). Kept apart from <c>resetPassword</c> so that neither kind of token works in the other
/// mutation. <see cref="TokenRedemption"/> does the work, shared with the <c>/set-password</c> page.
/// </summary>
internal static class SetPassword
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Mutation<SetPasswordInputType, SetPasswordPayloadType>("setPassword")
            .Description("Sets the first password of an invited user with the token of the invitation email.")
            .AllowAnonymous()
            .Expensive(ExpensiveWork.PasswordHashing, ExpensiveWork.Email)
            .Resolve<ResetPasswordInput, SetPasswordPayload>(async (context, input) =>
            {
                await context.Service<TokenRedemption>().SetFirstPasswordAsync(input.Token, input.NewPassword, context.CancellationToken);
                return new SetPasswordPayload { PasswordSet = true };
            });
}

internal sealed class SetPasswordInputType : InputObjectGraphType<ResetPasswordInput>
{
    public SetPasswordInputType()
    {
        Name = "SetPasswordInput";
        Field(i => i.Token);
        Field(i => i.NewPassword);
    }
}

internal sealed class SetPasswordPayload : Payload
{
    public bool PasswordSet { get; init; }
}

internal sealed class SetPasswordPayloadType : PayloadGraphType<SetPasswordPayload>
{
    public SetPasswordPayloadType() => Field(p => p.PasswordSet).Description("True once the password is set; the user can sign in with it.");
}
