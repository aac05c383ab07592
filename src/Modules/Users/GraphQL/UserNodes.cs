using CertifyTrack.Modules.Users.Audit;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.Contracts.GraphQL;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Modules.Users.Profiles;
using CertifyTrack.Shared.GraphQL.Types;
using CertifyTrack.Shared.GraphQL.Relay;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Modules.Users.GraphQL;

/// <summary>
/// The Users module's node types and the only way their objects are loaded: by <c>node</c>/<c>nodes</c>,
/// by the fields that lead from one to another (<c>Student.mentor</c>, <c>Mentor.user</c>, <c>me</c>, …)
/// and in the lists, each through its policy (<see cref="UserPolicies"/>), applied in SQL.
/// </summary>
internal static class UserNodes
{
    public static readonly NodeSource<UsersDbContext, UserNode> Users =
        new(UserPolicies.Users, db => db.Users.Select(UserLoaders.ToUserNode), u => u.Id);

    public static readonly NodeSource<UsersDbContext, StudentNode> Students =
        new(UserPolicies.Students, db => db.Students.Select(UserLoaders.ToStudentNode), s => s.Id);

    public static readonly NodeSource<UsersDbContext, MentorNode> Mentors =
        new(UserPolicies.Mentors, db => db.Mentors.Select(UserLoaders.ToMentorNode), m => m.Id);

    public static readonly NodeSource<UsersDbContext, AuditLogEntry> AuditLog =
        new(UserPolicies.AuditLog, db => db.AuditLog, a => a.Id);

    /// <summary>A user's student profile, by the user's id.</summary>
    public static readonly INodeLoader<StudentNode> StudentByUser = Students.By(s => s.UserId);

    /// <summary>A user's mentor profile, by the user's id.</summary>
    public static readonly INodeLoader<MentorNode> MentorByUser = Mentors.By(m => m.UserId);

    /// <summary>The node sources, the graph types records map to (payload fields, input enums), and the read contract.</summary>
    public static IServiceCollection AddUserNodes(this IServiceCollection services) => services
        .AddScoped<IUserDirectory, UserDirectory>()
        .AddGraphTypeMapping<UserNode, UserType>()
        .AddGraphTypeMapping<StudentNode, StudentType>()
        .AddGraphTypeMapping<MentorNode, MentorType>()
        .AddGraphTypeMapping<UserKind, UserKindType>()
        .AddGraphTypeMapping<AdmissionType, AdmissionTypeType>()
        .AddNodeSource(Users)
        .AddNodeSource(Students)
        .AddNodeSource(Mentors)
        .AddNodeSource(AuditLog);
}
