using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Shared.GraphQL.Relay;

namespace CertifyTrack.Modules.Users.Contracts.GraphQL;

/// <summary>
/// How another module's type extension returns a Users object (<c>Club.coordinator: Mentor</c>):
/// through these loaders, which apply the Users node policies in SQL and batch like any DataLoader.
/// The caller gets null where the policy hides the object, exactly as from <c>node(id:)</c>.
/// </summary>
public static class UserNodeLoaders
{
    public static INodeLoader<UserNode> Users => UserNodes.Users;

    public static INodeLoader<StudentNode> Students => UserNodes.Students;

    public static INodeLoader<MentorNode> Mentors => UserNodes.Mentors;

    /// <summary>A user's student profile, by the user's id.</summary>
    public static INodeLoader<StudentNode> StudentByUser => UserNodes.StudentByUser;

    /// <summary>A user's mentor profile, by the user's id.</summary>
    public static INodeLoader<MentorNode> MentorByUser => UserNodes.MentorByUser;
}
