using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Auth;
using CertifyTrack.Shared.Events;

namespace CertifyTrack.Modules.Users.Admin.Status;

/// <summary>
/// <c>setUserActive</c>, admins only: disables or re-enables an account (<see cref="Accounts.User.SetActive"/>).
/// Disabling revokes every session of the user in the same transaction (<see cref="SessionRevocation"/>),
/// even when the account was disabled already; the login rules refuse new ones while it is disabled.
/// A change is notified (<c>account_updated</c>): re-enabled users read it; a disabled user gets nothing,
/// as the notifier holds notifications of inactive users (<see cref="AccountUpdateNotices"/>).
/// </summary>
internal static class SetUserActive
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Command<SetUserActiveInput, SetUserActivePayload>("setUserActive")
            .Description("Disables or re-enables an account (admins only).")
            .AuthorizeWithRoles(Roles.Admin)
            .Expensive(ExpensiveWork.Email)
            .Run<UsersDbContext>(async (command, input) =>
            {
                var id = NodeTypes.ParseKey<UserNode>(input.UserId, "userId");
                var user = await UserStatus.LoadAsync(command, id);
                if (user.SetActive(input.IsActive, command.Caller.UserId) is { } change)
                {
                    await command.AuditAsync(change);   // saves: the notifier sees the new state
                    await command.NotifyAsync(user.Id, input.IsActive ? AccountUpdateNotices.Enabled() : AccountUpdateNotices.Disabled());
                }

                if (!input.IsActive)
                {
                    await SessionRevocation.RevokeAsync(command.Db, command.Service<IEventBus>(), id, keep: null, command.CancellationToken);
                }

                return new SetUserActivePayload(UserStatus.ToNode(user));
            });
}

internal sealed record SetUserActiveInput([Id] string UserId, bool IsActive);

internal sealed record SetUserActivePayload(UserNode? User) : Payload;
