using CertifyTrack.Modules.Users;
using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Admin.Mentoring;
using CertifyTrack.Modules.Users.Notifications;
using CertifyTrack.Modules.Users.Profiles;
using CertifyTrack.Shared.GraphQL.Mutations;
using GraphQL;

namespace CertifyTrack.Host.Tests.Users;

/// <summary>The Users rules that need no host nor database: entity methods and rule classes, called directly.</summary>
public sealed class UsersRuleTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Assigning_a_mentor_records_the_change_and_nothing_when_it_is_the_same_mentor()
    {
        var student = new Student { Id = 7, MentorId = 3 };

        var change = student.AssignMentor(4, assignedBy: 1, Now);
        var none = student.AssignMentor(4, assignedBy: 1, Now);

        Assert.Equal((7L, (long?)3, 4L, (long?)1, Now), (change!.StudentId, change.OldMentorId, change.NewMentorId, change.AssignedById, change.AssignedAt));
        Assert.Equal(4, student.MentorId);
        Assert.Null(none);
    }

    [Theory]
    [InlineData(0, UsersErrorCodes.StudentsRequired)]
    [InlineData(501, UsersErrorCodes.TooManyStudents)]
    public void A_mentor_takes_one_to_500_students_per_call(int students, string code)
    {
        Assert.Equal(code, Codes(() => MentorAssignmentRules.CheckCount(students)).Single());
        MentorAssignmentRules.CheckCount(500);
    }

    [Fact]
    public void Every_unknown_student_is_named_by_its_index()
    {
        var refused = Assert.Throws<UserErrorException>(() => MentorAssignmentRules.CheckAllFound([5, 6, 5, 9], [5]));

        Assert.Equal(["input.studentIds.1", "input.studentIds.3"], refused.Errors.Select(e => string.Join('.', e.Field!)));
    }

    [Fact]
    public void An_admin_cannot_disable_themselves_and_a_change_is_audited_once()
    {
        var user = new User { Id = 5, IsActive = true };

        Assert.Equal([UsersErrorCodes.CannotDeactivateSelf], Codes(() => user.SetActive(false, by: 5)));
        var disabled = user.SetActive(false, by: 1);
        var again = user.SetActive(false, by: 1);

        Assert.Equal("user.deactivated", disabled!.Action);
        Assert.False(user.IsActive);
        Assert.Null(again);
    }

    [Fact]
    public void A_new_password_follows_the_policy_and_differs_from_the_current_one()
    {
        Assert.Equal([UsersErrorCodes.WeakPassword], Codes(() => PasswordPolicy.CheckChange("Old-pass1", "short")));
        Assert.Equal([UsersErrorCodes.SamePassword], Codes(() => PasswordPolicy.CheckChange("Same-pass1", "Same-pass1")));
        PasswordPolicy.CheckChange("Old-pass1", "New-pass2");
    }

    [Fact]
    public void Preferences_name_known_kinds_once_and_keep_security_kinds_on()
    {
        NotificationPreferenceInput[] preferences =
        [
            new("nonsense", true, null),
            new("password_changed", null, false),
            new("points_approved", false, null),
            new("points_approved", true, true),
        ];

        var refused = Assert.Throws<UserErrorException>(() => NotificationPreference.Check(preferences));

        Assert.Equal(
            [UsersErrorCodes.UnknownNotificationKind, UsersErrorCodes.SecurityNotificationRequired, UsersErrorCodes.DuplicateNotificationKind],
            refused.Errors.Select(e => e.Code));
        Assert.Equal("input.preferences.3.kind", string.Join('.', refused.Errors[^1].Field!));
    }

    [Fact]
    public void A_student_may_not_change_their_usn_nor_a_mentor_field()
    {
        var input = new UpdateMyProfileInput(null, null, null, null, null, null, null, "Professor", null, null, "1XX00", null, null, null, null);

        var refused = Assert.Throws<UserErrorException>(() => ProfileRules.RefuseLockedFields(input, isStudent: true, isMentor: false));

        Assert.Equal(["designation", "usn"], refused.Errors.Select(e => e.Field![1]).Order());
        Assert.All(refused.Errors, e => Assert.Equal(UsersErrorCodes.NotAllowed, e.Code));
    }

    [Fact]
    public void Marking_notifications_read_needs_ids_or_all_and_takes_at_most_500()
    {
        Assert.Equal([UsersErrorCodes.NothingToMark], Codes(() => MarkNotificationsRead.Selection(new MarkNotificationsReadInput([], null))));
        Assert.Equal([UsersErrorCodes.TooManyIds], Codes(() => MarkNotificationsRead.Selection(new MarkNotificationsReadInput([.. Enumerable.Repeat("x", 501)], null))));
        Assert.Null(MarkNotificationsRead.Selection(new MarkNotificationsReadInput(null, true)));
        Assert.Equal("INVALID_ID", Assert.Throws<ExecutionError>(() => MarkNotificationsRead.Selection(new MarkNotificationsReadInput(["garbage"], null))).Code);
    }

    private static IEnumerable<string> Codes(Action rule) => Assert.Throws<UserErrorException>(rule).Errors.Select(e => e.Code);
}
