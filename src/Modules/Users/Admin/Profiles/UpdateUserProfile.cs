using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Admin.Status;
using CertifyTrack.Modules.Users.Profiles;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Modules.Users.Admin.Profiles;

/// <summary>
/// <c>updateUserProfile</c>, admins only: the fields a student or mentor may not change themselves
/// (a student's USN, department, semester and admission type; a mentor's employee id and department).
/// Null leaves a field as it is. The same rules and codes as creating users (<see cref="AdminProfileRules"/>);
/// a USN or employee id taken by a concurrent request past the check is the same user error (the unique
/// index decides). Audited with old and new values; the user is told (<c>account_updated</c>).
/// </summary>
internal static class UpdateUserProfile
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Command<UpdateUserProfileInput, UpdateUserProfilePayload>("updateUserProfile")
            .Description("Changes a student's USN, department, semester or admission type, or a mentor's employee id or department (admins only).")
            .AuthorizeWithRoles(Roles.Admin)
            .Expensive(ExpensiveWork.Email)
            .OnUniqueViolation(StudentConfiguration.UsnIndex, input => AdminProfileRules.UsnTaken(input.Usn))
            .OnUniqueViolation(MentorConfiguration.EmployeeIdIndex, input => AdminProfileRules.EmployeeIdTaken(input.EmployeeId))
            .Run<UsersDbContext>(async (command, input) =>
            {
                var (db, ct) = (command.Db, command.CancellationToken);
                var user = await UserStatus.LoadAsync(command, NodeTypes.ParseKey<UserNode>(input.UserId, "userId"));
                var student = await db.Students.SingleOrDefaultAsync(s => s.UserId == user.Id, ct);
                var mentor = await db.Mentors.SingleOrDefaultAsync(m => m.UserId == user.Id, ct);
                var before = AdminProfileRules.Snapshot(student, mentor);
                var formats = command.Service<IOptions<UserFormatOptions>>().Value;
                await AdminProfileRules.ApplyAsync(db, input, student, mentor, formats, ct);
                ProfileRules.Refresh(user, student, mentor, command.Now, formats);
                var (oldValues, newValues) = ProfileChanges.Diff(before, AdminProfileRules.Snapshot(student, mentor));
                if (newValues.Count > 0)
                {
                    await command.AuditAsync(new AuditEntry("user.profile_updated", UserNode.TypeName, $"{user.Id}") { OldValues = oldValues, NewValues = newValues });
                    await command.NotifyAsync(user.Id, AccountUpdateNotices.ProfileChanged(newValues.Keys));
                }

                return new UpdateUserProfilePayload(UserStatus.ToNode(user));
            });
}

internal sealed record UpdateUserProfileInput(
    [Id] string UserId,
    [Description("Students: the university seat number; unique.")] string? Usn,
    [Description("Students and mentors.")] string? Department,
    [Description("Students: 1 to 8.")] int? Semester,
    [Description("Students.")] AdmissionType? AdmissionType,
    [Description("Mentors; unique.")] string? EmployeeId);

internal sealed record UpdateUserProfilePayload(UserNode? User) : Payload;
