using CertifyTrack.Modules.Clubs;
using CertifyTrack.Modules.Clubs.Contracts;
using CertifyTrack.Modules.Clubs.Domain;
using CertifyTrack.Modules.Clubs.Permissions;

namespace CertifyTrack.Host.Tests.Clubs.Rules;

/// <summary>No privilege escalation (<see cref="GrantRule"/>), on the default roles, without a host.</summary>
public sealed class GrantRuleTests
{
    private const long Self = 7;
    private const long Other = 8;
    private static readonly string[] RoleField = ["input", "roleId"];

    public static TheoryData<string, string> RolePairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var granter in DefaultRoles.All)
        {
            foreach (var granted in DefaultRoles.All)
            {
                data.Add(granter.Name, granted.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RolePairs))]
    public void A_member_grants_exactly_the_roles_within_their_own_flags(string granterRole, string grantedRole)
    {
        var own = Flags(granterRole);
        var granted = Flags(grantedRole);

        var refusal = GrantRule.Check(Member(own), Other, currentRole: null, granted, RoleField);

        var allowed = own.Contains(ClubPermission.ManageMembers) && granted.IsSubsetOf(own);
        Assert.Equal(allowed, refusal is null);
    }

    [Fact]
    public void A_secretary_cannot_make_anyone_president()
    {
        var refusal = GrantRule.Check(Member(Flags("secretary")), Other, Flags("member"), Flags("president"), RoleField);

        Assert.Equal(ClubErrorCodes.RoleAboveGranter, refusal?.Code);
        Assert.Equal(RoleField, refusal?.Field);
    }

    [Fact]
    public void A_secretary_cannot_demote_or_remove_the_president()
    {
        var secretary = Member(Flags("secretary"));

        Assert.Equal(ClubErrorCodes.MemberAboveGranter, GrantRule.Check(secretary, Other, Flags("president"), Flags("member"), RoleField)?.Code);
        Assert.Equal(ClubErrorCodes.MemberAboveGranter, GrantRule.Check(secretary, Other, Flags("president"), newRole: null, RoleField)?.Code);
    }

    [Fact]
    public void Nobody_changes_their_own_role_not_even_a_president()
    {
        var refusal = GrantRule.Check(Member(Flags("president")), Self, Flags("president"), Flags("member"), RoleField);

        Assert.Equal(ClubErrorCodes.OwnRole, refusal?.Code);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Admins_and_the_coordinator_grant_any_role(bool isAdmin, bool isCoordinator)
    {
        var granter = new Granter(isAdmin, isCoordinator, Self, RoleFlags.All);

        foreach (var role in DefaultRoles.All)
        {
            Assert.Null(GrantRule.Check(granter, Other, Flags("member"), role.Permissions(), RoleField));
            Assert.Null(GrantRule.Check(granter, Other, Flags("president"), newRole: null, RoleField));
        }
    }

    [Fact]
    public void Without_manage_members_even_granting_member_is_forbidden()
    {
        var refusal = GrantRule.Check(Member(Flags("coordinator")), Other, currentRole: null, Flags("member"), RoleField);

        Assert.Equal(CertifyTrack.Shared.GraphQL.Errors.PlatformErrorCodes.Forbidden, refusal?.Code);
    }

    private static Granter Member(IReadOnlySet<ClubPermission> flags) => new(false, false, Self, flags);

    private static IReadOnlySet<ClubPermission> Flags(string role) => DefaultRoles.All.Single(r => r.Name == role).Permissions();
}
