using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Shared.GraphQL.Relay;

namespace CertifyTrack.Host.Tests.Clubs;

/// <summary>Issue #11's bad input: each answered as user errors with a code and field path, changing nothing.</summary>
public sealed class ClubInputTests
{
    private const string Create = "mutation($input: CreateClubInput!) { createClub(input: $input) { club { id } userErrors { code field } } }";
    private const string Clubs = "{ clubs { totalCount } }";

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Club_names_are_unique_in_any_case_and_coordinators_and_heads_are_checked(string provider)
    {
        await using var world = await ClubWorld.StartAsync(provider);
        var unicode = await world.AsAsync(world.Admin, Create, new { input = new { name = "École Club", facultyCoordinatorId = world.Coordinator.MentorId } });
        Assert.Empty(unicode.UserErrorCodes("createClub"));
        var before = (await world.AsAsync(world.Admin, Clubs)).Field("clubs")!["totalCount"]!.GetValue<int>();

        var cases = new (object Input, string Code, string Path)[]
        {
            (new { name = "rOBOTICS", facultyCoordinatorId = world.Coordinator.MentorId }, "CLUB_NAME_TAKEN", "input.name"),
            (new { name = "  ÉCOLE CLUB ", facultyCoordinatorId = world.Coordinator.MentorId }, "CLUB_NAME_TAKEN", "input.name"),
            (new { name = "New", facultyCoordinatorId = GlobalId.Encode("Mentor", 999_999) }, "NOT_A_MENTOR", "input.facultyCoordinatorId"),
            (new { name = "New", facultyCoordinatorId = world.Coordinator.StudentId }, "INVALID_ID", "input.facultyCoordinatorId"),
            (new { name = "New", facultyCoordinatorId = "garbage" }, "INVALID_ID", "input.facultyCoordinatorId"),
            (new { name = "New", facultyCoordinatorId = world.Coordinator.MentorId, clubHeadId = world.OtherMentor.MentorId }, "INVALID_ID", "input.clubHeadId"),
            (new { name = "New", facultyCoordinatorId = world.Coordinator.MentorId, clubHeadId = GlobalId.Encode("Student", 999_999) }, "NOT_A_STUDENT", "input.clubHeadId"),
            (new { name = "New", facultyCoordinatorId = world.Coordinator.MentorId, establishedDate = "2099-01-01" }, "ESTABLISHED_DATE_IN_FUTURE", "input.establishedDate"),
            (new { name = " ", facultyCoordinatorId = world.Coordinator.MentorId }, "CLUB_NAME_REQUIRED", "input.name"),
            (new { name = new string('x', 101), facultyCoordinatorId = world.Coordinator.MentorId }, "CLUB_NAME_TOO_LONG", "input.name"),
        };
        foreach (var (input, code, path) in cases)
        {
            var response = await world.AsAsync(world.Admin, Create, new { input });
            Assert.Equal([code], response.UserErrorCodes("createClub"));
            Assert.Equal(path, response.UserErrors("createClub")[0].Path);
            Assert.Null(response.Field("createClub")!["club"]);
        }

        Assert.Equal(before, (await world.AsAsync(world.Admin, Clubs)).Field("clubs")!["totalCount"]!.GetValue<int>());
        var rename = await world.AsAsync(world.Admin, "mutation($id: ID!) { updateClub(input: { clubId: $id, name: \"DRAMA\" }) { userErrors { code field } } }", new { id = world.ClubId });
        Assert.Equal(["CLUB_NAME_TAKEN"], rename.UserErrorCodes("updateClub"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Membership_input_errors_change_nothing(string provider)
    {
        await using var world = await ClubWorld.StartAsync(provider);
        var newcomer = (await world.StudentsAsync("new", 1))[0];
        const string Add = "mutation($input: AddClubMemberInput!) { addClubMember(input: $input) { member { id } userErrors { code field } } }";

        var cases = new (object Input, string Code, string Path)[]
        {
            (new { clubId = world.ClubId, studentId = world.Member.StudentId }, "ALREADY_MEMBER", "input.studentId"),
            (new { clubId = world.ClubId, studentId = world.Coordinator.MentorId }, "INVALID_ID", "input.studentId"),
            (new { clubId = world.ClubId, studentId = GlobalId.Encode("Student", 999_999) }, "NOT_A_STUDENT", "input.studentId"),
            (new { clubId = world.MemberIds[world.Member.Name], studentId = newcomer.StudentId }, "INVALID_ID", "input.clubId"),
            (new { clubId = GlobalId.Encode("Club", 999_999), studentId = newcomer.StudentId }, "CLUB_NOT_FOUND", "input.clubId"),
            (new { clubId = world.ClubId, studentId = newcomer.StudentId, roleId = GlobalId.Encode("ClubRole", 999) }, "ROLE_NOT_FOUND", "input.roleId"),
            (new { clubId = world.DeactivatedClubId, studentId = newcomer.StudentId }, "CLUB_INACTIVE", "input.clubId"),
        };
        foreach (var (input, code, path) in cases)
        {
            var response = await world.AsAsync(world.Admin, Add, new { input });
            Assert.Equal([code], response.UserErrorCodes("addClubMember"));
            Assert.Equal(path, response.UserErrors("addClubMember")[0].Path);
        }

        Assert.Equal((5, 5), await world.CountsAsync(world.ClubId));
        Assert.Equal((1, 1), await world.CountsAsync(world.DeactivatedClubId));
        var join = await world.AsAsync(newcomer, "mutation($id: ID!) { joinClub(input: { clubId: $id }) { userErrors { code field } } }", new { id = world.DeactivatedClubId });
        Assert.Equal(["CLUB_INACTIVE"], join.UserErrorCodes("joinClub"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_201st_member_is_refused_and_a_closed_club_takes_no_self_joins(string provider)
    {
        await using var world = await ClubWorld.StartAsync(provider);
        var club = await world.CreateClubAsync("Chess", world.Coordinator);
        var closed = await world.CreateClubAsync("Quiz", world.Coordinator, allowsSelfJoin: false);
        var students = await world.StudentsAsync("many", 201);
        const string Join = "mutation($id: ID!) { joinClub(input: { clubId: $id }) { member { isActive role { name } } userErrors { code field } } }";

        foreach (var student in students.Take(200))
        {
            Assert.Empty((await world.AsAsync(student, Join, new { id = club })).UserErrorCodes("joinClub"));
        }

        var last = await world.AsAsync(students[200], Join, new { id = club });
        var added = await world.AddMemberResponseAsync(world.Admin, club, students[200], null);
        var shut = await world.AsAsync(students[0], Join, new { id = closed });

        Assert.Equal(["CLUB_FULL"], last.UserErrorCodes("joinClub"));
        Assert.Equal(["CLUB_FULL"], added.UserErrorCodes("addClubMember"));
        Assert.Equal(["CLUB_CLOSED_TO_SELF_JOIN"], shut.UserErrorCodes("joinClub"));
        Assert.Equal((200, 200), await world.CountsAsync(club));
        Assert.Equal((0, 0), await world.CountsAsync(closed));
    }
}
