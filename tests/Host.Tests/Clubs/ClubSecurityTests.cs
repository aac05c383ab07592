using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Clubs;

/// <summary>Issue #11 "Bad input and security": who may not change or read what, through <c>/graphql</c>.</summary>
public sealed class ClubSecurityTests
{
    private const string UpdateClub = "mutation($id: ID!) { updateClub(input: { clubId: $id, description: \"mine now\" }) { club { description } userErrors { code } } }";
    private const string ChangeRole = "mutation($m: ID!, $r: ID!) { changeClubMemberRole(input: { memberId: $m, roleId: $r }) { member { role { name } } userErrors { code field } } }";
    private const string Remove = "mutation($m: ID!) { removeClubMember(input: { memberId: $m }) { member { isActive } userErrors { code field } } }";
    private const string Members = "query($id: ID!) { node(id: $id) { ... on Club { memberCount members { nodes { studentName } } } } }";

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Outsiders_and_plain_members_cannot_update_add_change_remove_or_list_members(string provider)
    {
        await using var world = await ClubWorld.StartAsync(provider);
        var newcomer = (await world.StudentsAsync("new", 1))[0];
        foreach (var caller in new[] { world.Outsider, world.Member, world.Removed, world.OtherMentor })
        {
            Assert.Equal(["FORBIDDEN"], (await world.AsAsync(caller, UpdateClub, new { id = world.ClubId })).ErrorCodes);
            Assert.Equal(["FORBIDDEN"], (await world.AddMemberResponseAsync(caller, world.ClubId, newcomer, null)).UserErrorCodes("addClubMember"));
            Assert.Equal(["FORBIDDEN"], (await world.AsAsync(caller, ChangeRole, new { m = world.MemberIds[world.Member.Name], r = world.RoleIds["treasurer"] })).UserErrorCodes("changeClubMemberRole"));
            Assert.Equal(["FORBIDDEN"], (await world.AsAsync(caller, Remove, new { m = world.MemberIds[world.Member.Name] })).UserErrorCodes("removeClubMember"));
            var list = await world.AsAsync(caller, Members, new { id = world.ClubId });
            Assert.Equal(["FORBIDDEN"], list.ErrorCodes);
            Assert.Equal(5, list.Field("node")!["memberCount"]!.GetValue<int>());
            Assert.Null(list.Field("node")!["members"]);
        }

        var (counter, rows) = await world.CountsAsync(world.ClubId);
        Assert.Equal((5, 5), (counter, rows));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Officers_the_coordinator_and_admins_read_the_member_list(string provider)
    {
        await using var world = await ClubWorld.StartAsync(provider);
        foreach (var caller in new[] { world.Treasurer, world.President, world.Coordinator, world.Admin })
        {
            var list = await world.AsAsync(caller, Members, new { id = world.ClubId });
            Assert.Empty(list.ErrorCodes);
            Assert.Equal(5, list.Field("node")!["members"]!["nodes"]!.AsArray().Count);
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_secretary_cannot_create_a_president_nor_demote_or_remove_one(string provider)
    {
        await using var world = await ClubWorld.StartAsync(provider);
        var newcomer = (await world.StudentsAsync("new", 1))[0];

        var add = await world.AddMemberResponseAsync(world.Secretary, world.ClubId, newcomer, "president");
        var promote = await world.AsAsync(world.Secretary, ChangeRole, new { m = world.MemberIds[world.Member.Name], r = world.RoleIds["president"] });
        var demote = await world.AsAsync(world.Secretary, ChangeRole, new { m = world.MemberIds[world.President.Name], r = world.RoleIds["member"] });
        var remove = await world.AsAsync(world.Secretary, Remove, new { m = world.MemberIds[world.President.Name] });

        Assert.Equal(["ROLE_ABOVE_GRANTER"], add.UserErrorCodes("addClubMember"));
        Assert.Equal("input.roleId", add.UserErrors("addClubMember")[0].Path);
        Assert.Equal(["ROLE_ABOVE_GRANTER"], promote.UserErrorCodes("changeClubMemberRole"));
        Assert.Equal(["MEMBER_ABOVE_GRANTER"], demote.UserErrorCodes("changeClubMemberRole"));
        Assert.Equal(["MEMBER_ABOVE_GRANTER"], remove.UserErrorCodes("removeClubMember"));
        Assert.Equal((5, 5), await world.CountsAsync(world.ClubId));

        // Within their own flags a secretary does manage members.
        var treasurer = await world.AsAsync(world.Secretary, ChangeRole, new { m = world.MemberIds[world.Member.Name], r = world.RoleIds["treasurer"] });
        Assert.Empty(treasurer.UserErrorCodes("changeClubMemberRole"));
        Assert.Equal("treasurer", treasurer.Field("changeClubMemberRole")!["member"]!["role"]!["name"]!.GetValue<string>());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Nobody_changes_their_own_role(string provider)
    {
        await using var world = await ClubWorld.StartAsync(provider);

        var president = await world.AsAsync(world.President, ChangeRole, new { m = world.MemberIds[world.President.Name], r = world.RoleIds["member"] });
        var secretary = await world.AsAsync(world.Secretary, ChangeRole, new { m = world.MemberIds[world.Secretary.Name], r = world.RoleIds["treasurer"] });

        Assert.Equal(["OWN_ROLE"], president.UserErrorCodes("changeClubMemberRole"));
        Assert.Equal(["OWN_ROLE"], secretary.UserErrorCodes("changeClubMemberRole"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Students_cannot_create_clubs_or_edit_roles(string provider)
    {
        await using var world = await ClubWorld.StartAsync(provider);

        var create = await world.AsAsync(world.President, "mutation($m: ID!) { createClub(input: { name: \"Mine\", facultyCoordinatorId: $m }) { userErrors { code } } }", new { m = world.Coordinator.MentorId });
        var role = await world.AsAsync(world.President, "mutation($r: ID!) { updateClubRole(input: { roleId: $r, permissions: [MANAGE_MEMBERS] }) { userErrors { code } } }", new { r = world.RoleIds["member"] });
        var coordinatorRole = await world.AsAsync(world.Coordinator, "mutation($r: ID!) { updateClubRole(input: { roleId: $r, permissions: [MANAGE_MEMBERS] }) { userErrors { code } } }", new { r = world.RoleIds["member"] });

        Assert.Equal(["FORBIDDEN"], create.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], role.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], coordinatorRole.ErrorCodes);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_member_who_left_loses_every_permission_within_the_same_request(string provider)
    {
        await using var world = await ClubWorld.StartAsync(provider);
        var newcomer = (await world.StudentsAsync("new", 1))[0];

        var response = await world.AsAsync(world.Secretary, """
            mutation($club: ID!, $s: ID!) {
              leaveClub(input: { clubId: $club }) { member { isActive } userErrors { code } }
              addClubMember(input: { clubId: $club, studentId: $s }) { member { id } userErrors { code } }
            }
            """, new { club = world.ClubId, s = newcomer.StudentId });
        var after = await world.AsAsync(world.Secretary, "query($id: ID!) { node(id: $id) { ... on Club { myPermissions myMembership { id } } } }", new { id = world.ClubId });

        Assert.Empty(response.UserErrorCodes("leaveClub"));
        Assert.Equal(["FORBIDDEN"], response.UserErrorCodes("addClubMember"));
        Assert.Empty(after.Field("node")!["myPermissions"]!.AsArray());
        Assert.Null(after.Field("node")!["myMembership"]);
        Assert.Equal((4, 4), await world.CountsAsync(world.ClubId));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_removed_member_is_refused_in_the_next_request(string provider)
    {
        await using var world = await ClubWorld.StartAsync(provider);
        var newcomer = (await world.StudentsAsync("new", 1))[0];

        var removal = await world.AsAsync(world.President, Remove, new { m = world.MemberIds[world.Secretary.Name] });
        var add = await world.AddMemberResponseAsync(world.Secretary, world.ClubId, newcomer, null);

        Assert.Empty(removal.UserErrorCodes("removeClubMember"));
        Assert.Equal(["FORBIDDEN"], add.UserErrorCodes("addClubMember"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Aliases_multiplying_a_mutation_are_each_checked(string provider)
    {
        await using var world = await ClubWorld.StartAsync(provider);
        var newcomers = await world.StudentsAsync("new", 3);

        var grants = await world.AsAsync(world.Secretary, """
            mutation($club: ID!, $p: ID!, $a: ID!, $b: ID!, $c: ID!) {
              a: addClubMember(input: { clubId: $club, studentId: $a, roleId: $p }) { userErrors { code } }
              b: addClubMember(input: { clubId: $club, studentId: $b, roleId: $p }) { userErrors { code } }
              c: addClubMember(input: { clubId: $club, studentId: $c, roleId: $p }) { userErrors { code } }
            }
            """, new { club = world.ClubId, p = world.RoleIds["president"], a = newcomers[0].StudentId, b = newcomers[1].StudentId, c = newcomers[2].StudentId });
        var joins = await world.AsAsync(newcomers[0], """
            mutation($club: ID!) {
              a: joinClub(input: { clubId: $club }) { userErrors { code } }
              b: joinClub(input: { clubId: $club }) { userErrors { code } }
            }
            """, new { club = world.ClubId });

        Assert.All(["a", "b", "c"], alias => Assert.Equal(["ROLE_ABOVE_GRANTER"], grants.UserErrorCodes(alias)));
        Assert.Empty(joins.UserErrorCodes("a"));
        Assert.Equal(["ALREADY_MEMBER"], joins.UserErrorCodes("b"));
        Assert.Equal((6, 6), await world.CountsAsync(world.ClubId));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Node_and_nodes_hide_memberships_from_callers_outside_the_club(string provider)
    {
        await using var world = await ClubWorld.StartAsync(provider);
        var ids = world.MemberIds.Values.ToArray();
        const string Query = "query($ids: [ID!]!) { nodes(ids: $ids) { ... on ClubMember { id } } }";

        var outsider = await world.AsAsync(world.Outsider, Query, new { ids });
        var otherMentor = await world.AsAsync(world.OtherMentor, Query, new { ids });
        var member = await world.AsAsync(world.Member, Query, new { ids });
        var treasurer = await world.AsAsync(world.Treasurer, Query, new { ids });
        var anonymous = await world.AnonymousAsync("query($id: ID!) { node(id: $id) { id } }", new { id = world.ClubId });

        Assert.All(outsider.Field("nodes")!.AsArray(), n => Assert.Null(n));
        // The other mentor coordinates Drama: of all the ids, only Drama's membership.
        Assert.Single(otherMentor.Field("nodes")!.AsArray(), n => n is not null);
        // A plain member sees their own; the treasurer (VIEW_REPORTS) all of Robotics' (the removed one too), not Drama's.
        Assert.Equal(1, member.Field("nodes")!.AsArray().Count(n => n is not null));
        Assert.Equal(6, treasurer.Field("nodes")!.AsArray().Count(n => n is not null));
        Assert.Null(anonymous.Field("node"));
    }
}
