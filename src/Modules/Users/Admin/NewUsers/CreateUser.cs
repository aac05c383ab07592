using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Admin.Invitations;
using CertifyTrack.Modules.Users.GraphQL;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Modules.Users.Admin.NewUsers;

/// <summary>
/// <c>createUser</c>, admins only: any role, pre-verified, no password; the user gets a set-password invitation
/// (<see cref="SetPasswordInvitations"/>). The same rules and codes as every path that creates users
/// (<see cref="NewUserRules"/>, <see cref="NewUserConflicts"/>); a name taken by a concurrent request past
/// those checks is the same user error (the unique index decides). Role fields apply to their role only.
/// </summary>
internal static class CreateUser
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Command<CreateUserInput, CreateUserPayload>("createUser")
            .Description("Creates a user of any role (admins only). No password is set or returned: the user receives a set-password email.")
            .AuthorizeWithRoles(Roles.Admin)
            .Expensive(ExpensiveWork.Email)
            .OnUniqueViolation((input, index) => NewUserConflicts.ForIndex(Spec(input), index))
            .Run<UsersDbContext>(async (command, input) =>
            {
                var spec = Spec(input);
                var errors = new List<UserError>();
                NewUserRules.Check(spec, command.Service<IOptions<UserFormatOptions>>().Value, errors);
                if (errors.Count == 0)
                {
                    await NewUserConflicts.CheckAsync(command.Db, [spec], errors, command.CancellationToken);
                }

                errors.ThrowIfAny();
                var user = (await NewUserWriter.WriteAsync(command.Db, [spec], command.Now, command.CancellationToken))[0];
                await command.AuditAsync(new AuditEntry("user.created", UserNode.TypeName, $"{user.Id}")
                {
                    NewValues = new { user.Username, user.Email, userType = user.UserType.ToString(), spec.Usn, spec.EmployeeId, spec.Department, spec.Semester },
                });
                await command.Service<SetPasswordInvitations>().SendAsync(command.Db, user, command.CancellationToken);
                return new CreateUserPayload(await command.Db.Users.Where(u => u.Id == user.Id).Select(UserLoaders.ToUserNode).SingleAsync(command.CancellationToken));
            });

    private static NewUser Spec(CreateUserInput input) => new()
    {
        Path = field => ["input", field],
        Username = input.Username, Email = input.Email, FirstName = input.FirstName, LastName = input.LastName,
        Kind = input.UserType, Usn = input.Usn, Department = input.Department, Semester = input.Semester,
        AdmissionType = input.AdmissionType, EmployeeId = input.EmployeeId, Designation = input.Designation,
        MentorId = input.MentorId is null ? null : NodeTypes.ParseKey<MentorNode>(input.MentorId, "mentorId"),
    };
}

internal sealed record CreateUserInput(
    string Username,
    string Email,
    string FirstName,
    string LastName,
    UserKind UserType,
    [Description("Students: the university seat number.")] string? Usn,
    [Description("Students and mentors.")] string? Department,
    [Description("Students: 1 to 8.")] int? Semester,
    [Description("Students; REGULAR when not given.")] AdmissionType? AdmissionType,
    [Id, Description("Students: the id of their Mentor.")] string? MentorId,
    [Description("Mentors.")] string? EmployeeId,
    [Description("Mentors.")] string? Designation);

internal sealed record CreateUserPayload(UserNode? User) : Payload;
