using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.GraphQL;

namespace CertifyTrack.Modules.Users.Admin.Status;

/// <summary>What the account-status commands share: the user they act on, and the node they answer.</summary>
internal static class UserStatus
{
    public static readonly Func<User, UserNode> ToNode = UserLoaders.ToUserNode.Compile();

    public static async Task<User> LoadAsync(CommandContext<UsersDbContext> command, long id) =>
        await command.Db.Users.SingleOrDefaultAsync(u => u.Id == id, command.CancellationToken)
            ?? throw new UserErrorException(UsersErrorCodes.UserNotFound, "No user has this id.", "input", "userId");
}
