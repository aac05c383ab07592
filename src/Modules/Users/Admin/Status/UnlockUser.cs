using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Auth;

namespace CertifyTrack.Modules.Users.Admin.Status;

/// <summary>
/// <c>unlockUser</c>, admins only: ends every lockout of the user, from whatever network, and resets
/// the failed sign-in counters (<see cref="LoginAttempts"/>), and tells the user (<c>account_updated</c>).
/// </summary>
internal static class UnlockUser
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Command<UnlockUserInput, UnlockUserPayload>("unlockUser")
            .Description("Ends a lockout and resets the failed sign-in counter (admins only).")
            .AuthorizeWithRoles(Roles.Admin)
            .Expensive(ExpensiveWork.Email)
            .Run<UsersDbContext>(async (command, input) =>
            {
                var user = await UserStatus.LoadAsync(command, NodeTypes.ParseKey<UserNode>(input.UserId, "userId"));
                var counters = await LoginAttempts.ClearAsync(command.Db, user.NormalizedUsername, command.CancellationToken);
                await command.AuditAsync(new AuditEntry("user.unlocked", UserNode.TypeName, $"{user.Id}") { NewValues = new { lockoutCountersCleared = counters } });
                await command.NotifyAsync(user.Id, AccountUpdateNotices.Unlocked());
                return new UnlockUserPayload(UserStatus.ToNode(user));
            });
}

internal sealed record UnlockUserInput([Id] string UserId);

internal sealed record UnlockUserPayload(UserNode? User) : Payload;
