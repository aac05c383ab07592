using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Authorization;
using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Host.Tests.Authorization;

/// <summary>Test-only fields with every kind of authorization metadata.</summary>
internal sealed class AuthorizationTestModule : IGraphQLModule
{
    public const string MentoringPolicy = "Mentoring";

    public string Name => "AuthorizationTest";

    public void AddQueryFields(ObjectGraphType query)
    {
        query.Field<StringGraphType>("publicInfo").AllowAnonymous().Resolve(_ => "public");
        query.Field<StringGraphType>("studentOnly").AuthorizeWithRoles(Roles.Student).Resolve(_ => "student");
        query.Field<StringGraphType>("staffOnly").AuthorizeWithRoles(Roles.Mentor, Roles.Admin).Resolve(_ => "staff");
        query.Field<StringGraphType>("adminOnly").AuthorizeWithRoles(Roles.Admin).Resolve(_ => "admin");
        query.Field<StringGraphType>("signedIn").Authorize().Resolve(_ => "signed in");
        query.Field<StringGraphType>("mentoring").AuthorizeWithPolicy(MentoringPolicy).Resolve(_ => "policy");
        query.Field<StringGraphType>("unmarked").Resolve(_ => "nobody");
        query.Field<ProfileType>("profile").AllowAnonymous().Resolve(_ => new object());
        query.Field<ClubType>("club").AllowAnonymous().Resolve(_ => new object());
    }

    public void AddMutationFields(ObjectGraphType mutation) =>
        mutation.Field<StringGraphType>("adminAction").AuthorizeWithRoles(Roles.Admin).Resolve(_ => "done");

    /// <summary>Type-level: any signed-in user; two fields override it.</summary>
    internal sealed class ProfileType : ObjectGraphType
    {
        public ProfileType()
        {
            Name = "TestProfile";
            this.Authorize();
            Field<StringGraphType>("name").Resolve(_ => "Asha");
            Field<StringGraphType>("email").AuthorizeWithRoles(Roles.Admin).Resolve(_ => "asha@example.edu");
            Field<StringGraphType>("motto").AllowAnonymous().Resolve(_ => "Learn by doing");
        }
    }

    /// <summary>No type-level metadata: each field says for itself, or is denied.</summary>
    internal sealed class ClubType : ObjectGraphType
    {
        public ClubType()
        {
            Name = "TestClub";
            Field<StringGraphType>("name").AllowAnonymous().Resolve(_ => "Robotics");
            Field<StringGraphType>("secret").Resolve(_ => "hidden");
            Field<ProfileType>("organizer").AllowAnonymous().Resolve(_ => new object());
        }
    }
}
