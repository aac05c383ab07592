using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Clubs;

/// <summary>The read side: <c>clubs</c>, <c>clubRoles</c>, <c>Student.clubMemberships</c>, <c>Mentor.coordinatedClubs</c>.</summary>
public sealed class ClubQueryTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Clubs_are_listed_filtered_and_sorted_for_every_signed_in_user(string provider)
    {
        await using var world = await ClubWorld.StartAsync(provider);
        await world.CreateClubAsync("Astronomy", world.OtherMentor);

        var all = await world.AsAsync(world.Outsider, "{ clubs { totalCount nodes { name memberCount isActive } } }");
        var active = await world.AsAsync(world.Outsider, "{ clubs(where: { isActive: { eq: true } }, order: [{ name: DESC }]) { nodes { name } } }");
        var named = await world.AsAsync(world.Outsider, "{ clubs(where: { name: { contains: \"BOT\" } }) { nodes { name } } }");
        var coordinated = await world.AsAsync(world.Outsider, "query($m: ID!) { clubs(coordinatorId: $m) { nodes { name } } }", new { m = world.OtherMentor.MentorId });
        var anonymous = await world.AnonymousAsync("{ clubs { totalCount } }");

        Assert.Equal(["Astronomy", "Drama", "Robotics"], ClubWorld.Names(all.Field("clubs")!["nodes"]));
        Assert.Equal([0, 1, 5], all.Field("clubs")!["nodes"]!.AsArray().Select(n => n!["memberCount"]!.GetValue<int>()));
        Assert.Equal(["Robotics", "Astronomy"], ClubWorld.Names(active.Field("clubs")!["nodes"]));
        Assert.Equal(["Robotics"], ClubWorld.Names(named.Field("clubs")!["nodes"]));
        Assert.Equal(["Astronomy", "Drama"], ClubWorld.Names(coordinated.Field("clubs")!["nodes"]));
        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Club_roles_show_their_default_permissions(string provider)
    {
        await using var world = await ClubWorld.StartAsync(provider);

        var roles = await world.AsAsync(world.Member, "{ clubRoles { name permissions } }");

        var byName = roles.Field("clubRoles")!.AsArray().ToDictionary(r => r!["name"]!.GetValue<string>(), r => r!["permissions"]!.AsArray().Count);
        Assert.Equal(new Dictionary<string, int> { ["president"] = 11, ["secretary"] = 6, ["treasurer"] = 2, ["coordinator"] = 7, ["member"] = 0 }, byName);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_students_memberships_are_read_by_the_student_their_mentor_and_admins(string provider)
    {
        await using var world = await ClubWorld.StartAsync(provider);
        var mentor = await world.MentorAsync("their.mentor");
        var student = (await world.StudentsAsync("mentee", 1, mentor.ProfileId))[0];
        await world.AddMemberAsync(world.Admin, world.ClubId, student, "treasurer");
        const string Query = "query($id: ID!) { node(id: $id) { ... on Student { clubMemberships { isActive role { name } club { name } } } } }";

        foreach (var reader in new[] { student, mentor, world.Admin })
        {
            var response = await world.AsAsync(reader, Query, new { id = student.StudentId });
            Assert.Equal(["Robotics"], response.Field("node")!["clubMemberships"]!.AsArray().Select(m => m!["club"]!["name"]!.GetValue<string>()));
        }

        var removed = await world.AsAsync(world.Removed, Query, new { id = world.Removed.StudentId });
        Assert.False(removed.Field("node")!["clubMemberships"]![0]!["isActive"]!.GetValue<bool>());
        Assert.Null((await world.AsAsync(world.President, Query, new { id = student.StudentId })).Field("node"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_mentor_sees_the_clubs_they_coordinate_and_their_permissions_there(string provider)
    {
        await using var world = await ClubWorld.StartAsync(provider);

        var response = await world.AsAsync(world.Coordinator, "query($id: ID!) { node(id: $id) { ... on Mentor { coordinatedClubs { name myPermissions myMembership { id } } } } }", new { id = world.Coordinator.MentorId });

        var clubs = response.Field("node")!["coordinatedClubs"]!.AsArray();
        Assert.Equal(["Robotics"], ClubWorld.Names(clubs));
        Assert.Equal(11, clubs[0]!["myPermissions"]!.AsArray().Count);
        Assert.Null(clubs[0]!["myMembership"]);
    }
}
