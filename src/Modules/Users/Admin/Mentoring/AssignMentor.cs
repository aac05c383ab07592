using CertifyTrack.Modules.Users.GraphQL;

namespace CertifyTrack.Modules.Users.Admin.Mentoring;

/// <summary>
/// <c>assignMentor</c>, admins only: gives up to <see cref="MentorAssignmentRules.MaxStudents"/> students one
/// mentor. Each student whose mentor changes gets a history row (<see cref="Profiles.Student.AssignMentor"/>);
/// one audit row lists them. In the same transaction (<see cref="MentorAssignmentNotices"/>) each of those
/// students is told who their mentor is now, and the mentor gets one notification with the count.
/// </summary>
internal static class AssignMentor
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Command<AssignMentorInput, AssignMentorPayload>("assignMentor")
            .Description($"Makes a mentor the mentor of up to {MentorAssignmentRules.MaxStudents} students (admins only).")
            .AuthorizeWithRoles(Roles.Admin)
            .Expensive(ExpensiveWork.Email)
            .Run<UsersDbContext>(async (command, input) =>
            {
                MentorAssignmentRules.CheckCount(input.StudentIds.Count);
                var mentorId = NodeTypes.ParseKey<MentorNode>(input.MentorId, "mentorId");
                var studentIds = NodeTypes.ParseKeys<StudentNode>(input.StudentIds, "studentIds");
                var ct = command.CancellationToken;
                var mentor = await command.Db.Mentors.Where(m => m.Id == mentorId).Select(UserLoaders.ToMentorNode).SingleOrDefaultAsync(ct)
                    ?? throw new UserErrorException(UsersErrorCodes.MentorNotFound, "No mentor has this id.", "input", "mentorId");
                var students = await command.Db.Students.Where(s => studentIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
                MentorAssignmentRules.CheckAllFound(studentIds, students.Keys);

                var changed = students.Values.OrderBy(s => s.Id).Where(s => s.MentorId != mentorId).ToList();
                command.Db.MentorAssignments.AddRange(changed.Select(s => s.AssignMentor(mentorId, command.Caller.UserId, command.Now)!));
                await command.AuditAsync(new AuditEntry("mentor.assigned", MentorNode.TypeName, $"{mentorId}")
                {
                    NewValues = new { studentIds = changed.Select(s => s.Id), unchanged = students.Count - changed.Count },
                });
                if (changed.Count > 0)
                {
                    await MentorAssignmentNotices.SendAsync(command.Db, command.Service<Shared.Notifications.INotifier>(), mentor.UserId, [.. changed.Select(s => s.UserId)], ct);
                }

                return new AssignMentorPayload(mentor, changed.Count);
            });
}

internal sealed record AssignMentorInput(
    [Id] string MentorId,
    [Id, Description("At most 500."), MaxItems(MentorAssignmentRules.MaxStudents)] IReadOnlyList<string> StudentIds);

internal sealed record AssignMentorPayload(
    MentorNode? Mentor,
    [Description("Students whose mentor changed (those who had this mentor already are not counted).")] int AssignedCount) : Payload;
