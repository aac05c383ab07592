using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.Contracts.GraphQL;
using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.GraphQL.Mutations;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Modules.Users.Profiles;

/// <summary>
/// <c>updateMyProfile</c>: the caller's own names and profile. Null leaves a field as it is, an
/// empty string clears an optional one. Fields the role may not change (a student's usn,
/// department, semester, admission type; a mentor's employee id and department) are refused
/// with <c>NOT_ALLOWED</c> naming the field — admins change them through the admin tools.
/// </summary>
internal static class UpdateMyProfile
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Mutation<UpdateMyProfileInputType, UpdateMyProfilePayloadType>("updateMyProfile")
            .Description("Updates the signed-in user's own profile.")
            .Authorize()
            .Resolve<UpdateMyProfileInput, UpdateMyProfilePayload>(async (context, input) =>
            {
                var callerId = context.CallerId();
                var ct = context.CancellationToken;
                await using var db = await context.UsersDbAsync();
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var user = await db.Users.SingleOrDefaultAsync(u => u.Id == callerId, ct)
                    ?? throw new UserErrorException("NOT_FOUND", "Your account no longer exists.");
                var student = user.UserType == UserKind.Student ? await db.Students.SingleOrDefaultAsync(s => s.UserId == callerId, ct) : null;
                var mentor = user.UserType == UserKind.Mentor ? await db.Mentors.SingleOrDefaultAsync(m => m.UserId == callerId, ct) : null;
                RefuseLockedFields(input, student is not null || user.UserType == UserKind.Student, mentor is not null || user.UserType == UserKind.Mentor);

                var before = ProfileChanges.Snapshot(user, student, mentor);
                var now = context.Service<TimeProvider>().GetUtcNow().UtcDateTime;
                var formats = context.Service<IOptions<UserFormatOptions>>().Value;
                ProfileChanges.Apply(input, user, student, mentor, formats, DateOnly.FromDateTime(now));
                if (student is not null)
                {
                    ProfileRules.Refresh(user, student, now, formats);
                }

                if (mentor is not null)
                {
                    ProfileRules.Refresh(user, mentor, now, formats);
                }

                await db.SaveChangesAsync(ct);
                var after = ProfileChanges.Snapshot(user, student, mentor);
                var (oldValues, newValues) = ProfileChanges.Diff(before, after);
                await context.Service<IAuditLog>().RecordAsync(
                    db, new AuditEntry("profile.updated", "User", $"{user.Id}") { OldValues = oldValues, NewValues = newValues }, ct);
                await tx.CommitAsync(ct);
                return new UpdateMyProfilePayload { User = await db.Users.Where(u => u.Id == callerId).Select(UserLoaders.ToUserNode).SingleAsync(ct) };
            });

    private static void RefuseLockedFields(UpdateMyProfileInput input, bool isStudent, bool isMentor)
    {
        var errors = new List<UserError>();
        void Refuse(object? value, string field, string role)
        {
            if (value is not null)
            {
                errors.Add(new("NOT_ALLOWED", $"A {role} cannot change {field}; ask an administrator.", ["input", field]));
            }
        }

        if (isStudent)
        {
            Refuse(input.Usn, "usn", "student");
            Refuse(input.Department, "department", "student");
            Refuse(input.Semester, "semester", "student");
            Refuse(input.AdmissionType, "admissionType", "student");
        }
        else
        {
            Refuse(input.Usn, "usn", isMentor ? "mentor" : "user without a student profile");
            Refuse(input.Semester, "semester", isMentor ? "mentor" : "user without a student profile");
            Refuse(input.AdmissionType, "admissionType", isMentor ? "mentor" : "user without a student profile");
        }

        if (isMentor)
        {
            Refuse(input.EmployeeId, "employeeId", "mentor");
            Refuse(input.Department, "department", "mentor");
        }
        else
        {
            Refuse(input.EmployeeId, "employeeId", isStudent ? "student" : "user without a mentor profile");
            Refuse(input.Designation, "designation", isStudent ? "student" : "user without a mentor profile");
            Refuse(input.Qualifications, "qualifications", isStudent ? "student" : "user without a mentor profile");
            Refuse(input.Bio, "bio", isStudent ? "student" : "user without a mentor profile");
        }

        if (!isStudent)
        {
            Refuse(input.EmergencyContactName, "emergencyContactName", isMentor ? "mentor" : "user without a student profile");
            Refuse(input.EmergencyContactPhone, "emergencyContactPhone", isMentor ? "mentor" : "user without a student profile");
        }

        if (!isStudent && !isMentor)
        {
            Refuse(input.Department, "department", "user without a profile");
            Refuse(input.PhoneNumber, "phoneNumber", "user without a profile");
            Refuse(input.DateOfBirth, "dateOfBirth", "user without a profile");
            Refuse(input.Address, "address", "user without a profile");
        }

        errors.ThrowIfAny();
    }
}

internal sealed class UpdateMyProfilePayload : Payload
{
    public UserNode? User { get; init; }
}

internal sealed class UpdateMyProfilePayloadType : PayloadGraphType<UpdateMyProfilePayload>
{
    public UpdateMyProfilePayloadType() => Field<UserType>("user").Resolve(c => c.Source.User);
}
