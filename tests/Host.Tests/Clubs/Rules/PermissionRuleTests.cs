using CertifyTrack.Modules.Clubs.Contracts;
using CertifyTrack.Modules.Clubs.Domain;
using CertifyTrack.Modules.Clubs.Permissions;

namespace CertifyTrack.Host.Tests.Clubs.Rules;

/// <summary>Who holds what in a club (<see cref="PermissionRule"/>) and the default roles, without a host.</summary>
public sealed class PermissionRuleTests
{
    [Fact]
    public void The_default_roles_carry_the_flags_of_the_domain()
    {
        Assert.Equal(11, Flags("president").Count);
        Assert.Equal(
            [ClubPermission.CreateEvents, ClubPermission.EditEvents, ClubPermission.MarkAttendance, ClubPermission.ManageBookings, ClubPermission.ViewReports, ClubPermission.ManageMembers],
            Flags("secretary").Order());
        Assert.Equal([ClubPermission.ManageBookings, ClubPermission.ViewReports], Flags("treasurer").Order());
        Assert.Equal(
            [ClubPermission.CreateEvents, ClubPermission.EditEvents, ClubPermission.StartEvents, ClubPermission.EndEvents, ClubPermission.MarkAttendance, ClubPermission.GenerateCertificates, ClubPermission.ViewReports],
            Flags("coordinator").Order());
        Assert.Empty(Flags("member"));
    }

    [Fact]
    public void Flags_round_trip_through_the_role_columns()
    {
        var role = new ClubRole();
        foreach (var permission in Enum.GetValues<ClubPermission>())
        {
            role.SetPermissions([permission]);
            Assert.Equal([permission], role.Permissions());
        }
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Admins_and_the_coordinator_hold_everything_even_without_membership(bool isAdmin, bool isCoordinator)
    {
        Assert.Equal(RoleFlags.All, PermissionRule.Resolve(new ClubFacts(isAdmin, isCoordinator, ClubIsActive: true, ActiveRole: null)));
    }

    [Fact]
    public void An_active_member_of_an_active_club_holds_their_roles_flags()
    {
        Assert.Equal(Flags("treasurer"), PermissionRule.Resolve(new ClubFacts(false, false, true, Flags("treasurer"))));
    }

    [Fact]
    public void A_member_of_a_deactivated_club_and_a_non_member_hold_nothing()
    {
        Assert.Empty(PermissionRule.Resolve(new ClubFacts(false, false, ClubIsActive: false, Flags("president"))));
        Assert.Empty(PermissionRule.Resolve(new ClubFacts(false, false, ClubIsActive: true, ActiveRole: null)));
    }

    private static IReadOnlySet<ClubPermission> Flags(string role) => DefaultRoles.All.Single(r => r.Name == role).Permissions();
}
