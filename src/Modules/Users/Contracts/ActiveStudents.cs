using CertifyTrack.Shared.GraphQL.Mutations;

namespace CertifyTrack.Modules.Users.Contracts;

/// <summary>"The caller as an active student", asked by every command only students may run (joining a club, registering for an event).</summary>
public static class ActiveStudents
{
    /// <summary>
    /// The user <paramref name="userId"/> when they are an active student with a profile; otherwise the
    /// calling module's own user error (<paramref name="errorCode"/>, <paramref name="message"/>) on the field <c>input</c>.
    /// </summary>
    public static async Task<DirectoryUser> RequireActiveStudentAsync(this IUserDirectory directory, long userId, string errorCode, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var found = await directory.ByUserIdsAsync([userId], cancellationToken);
        return found.TryGetValue(userId, out var user) && user is { Kind: UserKind.Student, IsActive: true, StudentId: not null }
            ? user
            : throw new UserErrorException(errorCode, message, "input");
    }
}
