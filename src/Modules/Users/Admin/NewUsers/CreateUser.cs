using System.Globalization;
using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Admin.Invitations;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.Contracts.GraphQL;
using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Authorization;
using CertifyTrack.Shared.GraphQL.Mutations;
using CertifyTrack.Shared.GraphQL.Relay;
using CertifyTrack.Shared.Persistence;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Modules.Users.Admin.NewUsers;

/// <summary>
/// <c>createUser</c>, admins only: any role, pre-verified, no password; the user gets a
/// set-password invitation (<see cref="SetPasswordInvitations"/>). A name, email, USN or employee id
/// taken by a concurrent request between the checks and the insert is the same user error as one
/// taken before (the unique index decides). Student fields (usn, department, semester, admissionType, mentorId)
/// and mentor fields (employeeId, department, designation) apply to their role only.
/// </summary>
internal static class CreateUser
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Mutation<CreateUserInputType, CreateUserPayloadType>("createUser")
            .Description("Creates a user of any role (admins only). No password is set or returned: the user receives a set-password email.")
            .AuthorizeWithRoles(Roles.Admin)
            .Expensive(ExpensiveWork.Email)
            .Resolve<CreateUserInput, CreateUserPayload>((context, input) => RunAsync(context.RequestServices!, input, context.CancellationToken));

    private static async Task<CreateUserPayload> RunAsync(IServiceProvider services, CreateUserInput input, CancellationToken ct)
    {
        var formats = services.GetRequiredService<IOptions<UserFormatOptions>>().Value;
        var spec = new NewUser
        {
            Path = field => ["input", field],
            Username = input.Username, Email = input.Email, FirstName = input.FirstName, LastName = input.LastName,
            Kind = input.UserType, Usn = input.Usn, Department = input.Department, Semester = input.Semester,
            AdmissionType = input.AdmissionType, EmployeeId = input.EmployeeId, Designation = input.Designation,
            MentorId = input.MentorId is null ? null : NodeTypes.ParseKey(input.MentorId, "Mentor", "mentorId"),
        };
        var errors = new List<Shared.GraphQL.Mutations.UserError>();
        NewUserRules.Check(spec, formats, errors);
        await using var db = await services.GetRequiredService<IDbContextFactory<UsersDbContext>>().CreateDbContextAsync(ct);
        if (errors.Count == 0)
        {
            await NewUserConflicts.CheckAsync(db, [spec], errors, ct);
        }

        if (errors.Count > 0)
        {
            throw new UserErrorException(errors);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        User user;
        try
        {
            user = (await NewUserWriter.WriteAsync(db, [spec], services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ct))[0];
            await services.GetRequiredService<IAuditLog>().RecordAsync(db, new AuditEntry("user.created", "User", user.Id.ToString(CultureInfo.InvariantCulture))
            {
                NewValues = new { user.Username, user.Email, userType = user.UserType.ToString(), spec.Usn, spec.EmployeeId, spec.Department, spec.Semester },
            }, ct);
            await services.GetRequiredService<SetPasswordInvitations>().SendAsync(db, user, ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException ex) when (NewUserConflicts.ForIndex(spec, UniqueViolation.IndexName(db, ex)) is { } taken)
        {
            // A concurrent request took the name past the checks above; the transaction rolls back whole.
            throw new UserErrorException([taken]);
        }

        return new CreateUserPayload { User = await db.Users.Where(u => u.Id == user.Id).Select(UserLoaders.ToUserNode).SingleAsync(ct) };
    }
}

internal sealed class CreateUserInput
{
    public string? Username { get; init; }
    public string? Email { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public UserKind UserType { get; init; }
    public string? Usn { get; init; }
    public string? Department { get; init; }
    public int? Semester { get; init; }
    public AdmissionType? AdmissionType { get; init; }
    public string? MentorId { get; init; }
    public string? EmployeeId { get; init; }
    public string? Designation { get; init; }
}

internal sealed class CreateUserPayload : Payload
{
    public UserNode? User { get; init; }
}

internal sealed class CreateUserInputType : InputObjectGraphType<CreateUserInput>
{
    public CreateUserInputType()
    {
        Field<NonNullGraphType<StringGraphType>>("username");
        Field<NonNullGraphType<StringGraphType>>("email");
        Field<NonNullGraphType<StringGraphType>>("firstName");
        Field<NonNullGraphType<StringGraphType>>("lastName");
        Field<NonNullGraphType<UserKindGraphType>>("userType");
        Field<StringGraphType>("usn").Description("Students: the university seat number.");
        Field<StringGraphType>("department").Description("Students and mentors.");
        Field<IntGraphType>("semester").Description("Students: 1 to 8.");
        Field<AdmissionTypeGraphType>("admissionType").Description("Students; REGULAR when not given.");
        Field<IdGraphType>("mentorId").Description("Students: the id of their Mentor.");
        Field<StringGraphType>("employeeId").Description("Mentors.");
        Field<StringGraphType>("designation").Description("Mentors.");
    }
}

internal sealed class CreateUserPayloadType : PayloadGraphType<CreateUserPayload>
{
    public CreateUserPayloadType() => Field<UserType>("user").Resolve(c => c.Source.User);
}
