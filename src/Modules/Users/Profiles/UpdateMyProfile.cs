using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.GraphQL;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Modules.Users.Profiles;

/// <summary>
/// <c>updateMyProfile</c>: the caller's own names and profile. Null leaves a field as it is, an empty string
/// clears an optional one. Fields the role may not change are refused (<see cref="ProfileRules.RefuseLockedFields"/>);
/// the values are checked and applied by <see cref="ProfileChanges"/>, the completion flag by <see cref="ProfileRules"/>.
/// </summary>
internal static class UpdateMyProfile
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Command<UpdateMyProfileInput, UpdateMyProfilePayload>("updateMyProfile")
            .Description("Updates the signed-in user's own profile.")
            .Authorize()
            .Run<UsersDbContext>(async (command, input) =>
            {
                var (db, me, ct) = (command.Db, command.Caller.Id, command.CancellationToken);
                var user = await db.Users.SingleOrDefaultAsync(u => u.Id == me, ct)
                    ?? throw new UserErrorException(PlatformErrorCodes.NotFound, "Your account no longer exists.");
                var student = user.UserType == UserKind.Student ? await db.Students.SingleOrDefaultAsync(s => s.UserId == me, ct) : null;
                var mentor = user.UserType == UserKind.Mentor ? await db.Mentors.SingleOrDefaultAsync(m => m.UserId == me, ct) : null;
                ProfileRules.RefuseLockedFields(input, student is not null || user.UserType == UserKind.Student, mentor is not null || user.UserType == UserKind.Mentor);

                var before = ProfileChanges.Snapshot(user, student, mentor);
                var formats = command.Service<IOptions<UserFormatOptions>>().Value;
                ProfileChanges.Apply(input, user, student, mentor, formats, DateOnly.FromDateTime(command.Now));
                ProfileRules.Refresh(user, student, mentor, command.Now, formats);
                var (oldValues, newValues) = ProfileChanges.Diff(before, ProfileChanges.Snapshot(user, student, mentor));
                await command.AuditAsync(new AuditEntry("profile.updated", UserNode.TypeName, $"{user.Id}") { OldValues = oldValues, NewValues = newValues });
                return new UpdateMyProfilePayload(await db.Users.Where(u => u.Id == me).Select(UserLoaders.ToUserNode).SingleAsync(ct));
            });
}

/// <summary>
/// Every profile field, all optional. The fields a role may not change are in the input on purpose:
/// asking for them answers <c>NOT_ALLOWED</c> naming the field instead of silently ignoring it.
/// </summary>
internal sealed record UpdateMyProfileInput(
    string? FirstName,
    string? LastName,
    string? PhoneNumber,
    DateOnly? DateOfBirth,
    string? Address,
    string? EmergencyContactName,
    string? EmergencyContactPhone,
    [Description(UpdateMyProfileInput.MentorsOnly)] string? Designation,
    [Description(UpdateMyProfileInput.MentorsOnly)] string? Qualifications,
    [Description(UpdateMyProfileInput.MentorsOnly)] string? Bio,
    [Description(UpdateMyProfileInput.AdminsOnly)] string? Usn,
    [Description(UpdateMyProfileInput.AdminsOnly)] string? Department,
    [Description(UpdateMyProfileInput.AdminsOnly)] int? Semester,
    [Description(UpdateMyProfileInput.AdminsOnly)] AdmissionType? AdmissionType,
    [Description(UpdateMyProfileInput.AdminsOnly)] string? EmployeeId)
{
    public const string MentorsOnly = "Mentors only.";
    public const string AdminsOnly = "Admins change it; anyone else gets NOT_ALLOWED.";
}

internal sealed record UpdateMyProfilePayload(UserNode? User) : Payload;
