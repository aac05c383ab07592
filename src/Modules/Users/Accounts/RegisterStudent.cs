using CertifyTrack.Modules.Users.Accounts.Input;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.Contracts.GraphQL;
using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Modules.Users.Profiles;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Mutations;
using CertifyTrack.Shared.Persistence;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>
/// <c>registerStudent</c>: anonymous self sign-up. The input has no role: the account is always a
/// student, unverified until the emailed link is used. The payload carries only <c>userErrors</c>.
/// <para>
/// The answer does not tell whether an email is registered: for an address that has an account the
/// answer is the success one, nothing is created, the same password hashing is spent, and the
/// owner is emailed "someone tried to register with your address" (at most once an hour). A taken
/// username or USN is still reported (<c>USERNAME_TAKEN</c>, <c>USN_TAKEN</c>), whatever the email:
/// usernames are the public sign-in names, and a student whose USN is claimed must learn it to
/// go to an administrator (docs/email-and-accounts.md). A concurrent registration that wins the race
/// on a unique index is answered the same way as one that came first. A prober can still learn it
/// in two steps (register with a fresh username, then see whether that username became taken); that
/// costs two registrations, counts against the per-IP rate limit and mails the owner each time.
/// </para>
/// </summary>
internal static class RegisterStudent
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Mutation<RegisterStudentInputType, RegisterStudentPayloadType>("registerStudent")
            .Description("Creates a student account and emails a verification link. The answer does not tell whether the email is registered.")
            .AllowAnonymous()
            .Expensive(ExpensiveWork.PasswordHashing, ExpensiveWork.Email)
            .Resolve<RegisterStudentInput, RegisterStudentPayload>(async (context, input) =>
            {
                Validate(input, context.Service<IOptions<UserFormatOptions>>().Value);
                var ct = context.CancellationToken;
                await using (var db = await context.UsersDbAsync())
                {
                    await RejectTakenNamesAsync(db, input, ct);
                    var email = User.Normalize(input.Email);
                    if (!await db.Users.AnyAsync(u => u.NormalizedEmail == email, ct))
                    {
                        try
                        {
                            await CreateAsync(context, db, input, ct);
                            return new RegisterStudentPayload();
                        }
                        catch (DbUpdateException ex) when (UniqueViolation.IndexName(db, ex) is { } index)
                        {
                            // Lost a race: a taken name is reported; a taken email is answered as below.
                            ThrowIfNameTaken(index);
                        }
                    }
                    else
                    {
                        _ = await PasswordHashing.HashAsync(new User(), input.Password, ct);   // the work a new account costs
                    }
                }

                await NotifyOwnerAsync(context, input.Email, ct);
                return new RegisterStudentPayload();
            });

    private static async Task CreateAsync(IResolveFieldContext context, UsersDbContext db, RegisterStudentInput input, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = new User
        {
            FirstName = PersonNames.Canonical(input.FirstName), LastName = PersonNames.Canonical(input.LastName), UserType = UserKind.Student,
            DateJoined = context.Service<TimeProvider>().GetUtcNow().UtcDateTime,
        };
        user.SetUsername(input.Username);
        user.SetEmail(input.Email);
        user.Password = await PasswordHashing.HashAsync(user, input.Password, ct);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        var student = new Student
        {
            UserId = user.Id, Department = input.Department.Trim(), Semester = input.Semester, AdmissionType = input.AdmissionType,
        };
        student.SetUsn(input.Usn);
        db.Students.Add(student);
        ProfileRules.Refresh(user, student, user.DateJoined, context.Service<IOptions<UserFormatOptions>>().Value);
        await db.SaveChangesAsync(ct);

        await context.Service<AccountMail>().SendVerificationAsync(db, user, ct);
        await context.Service<IAuditLog>().RecordAsync(
            db,
            new AuditEntry("user.registered", "User", $"{user.Id}")
            {
                ActorId = user.Id,
                NewValues = new { user.Username, user.Email, userType = "student", student.Usn, student.Department, student.Semester },
            },
            ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The address has an account: its owner hears of the attempt (throttled); nothing else changes.</summary>
    private static async Task NotifyOwnerAsync(IResolveFieldContext context, string email, CancellationToken ct)
    {
        var normalized = User.Normalize(email);
        await using var db = await context.UsersDbAsync();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var owner = await db.Users.SingleAsync(u => u.NormalizedEmail == normalized, ct);
        var noticed = await context.Service<AccountMail>().SendRegistrationNoticeAsync(db, owner, ct);
        await context.Service<IAuditLog>().RecordAsync(
            db, new AuditEntry("user.registration_attempted", "User", $"{owner.Id}") { NewValues = new { ownerNotified = noticed } }, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The same field rules and codes as every other path that creates a user (<see cref="UserInputRules"/>).</summary>
    private static void Validate(RegisterStudentInput input, UserFormatOptions formats)
    {
        var errors = new List<UserError>();
        UserInputRules.Username(input.Username, ["input", "username"], errors);
        UserInputRules.Email(input.Email, formats, ["input", "email"], errors);
        UserInputRules.Usn(input.Usn, formats, ["input", "usn"], errors);
        UserInputRules.Name(input.FirstName, 150, ["input", "firstName"], errors);
        UserInputRules.Name(input.LastName, 150, ["input", "lastName"], errors);
        UserInputRules.Text(input.Department, 100, ["input", "department"], errors);
        UserInputRules.Semester(input.Semester, ["input", "semester"], errors);
        try
        {
            PasswordPolicy.Enforce(input.Password, "input", "password");
        }
        catch (UserErrorException ex)
        {
            errors.AddRange(ex.Errors);
        }

        errors.ThrowIfAny();
    }

    /// <summary>A taken username or USN is reported (before the email is looked at, so that it tells nothing about the email).</summary>
    private static async Task RejectTakenNamesAsync(UsersDbContext db, RegisterStudentInput input, CancellationToken ct)
    {
        var username = User.Normalize(input.Username);
        var usn = input.Usn.Trim().ToUpperInvariant();
        var errors = new List<UserError>();
        if (await db.Users.AnyAsync(u => u.NormalizedUsername == username, ct))
        {
            errors.Add(UsernameTaken());
        }

        if (await db.Students.AnyAsync(s => s.Usn == usn, ct))
        {
            errors.Add(UsnTaken());
        }

        errors.ThrowIfAny();
    }

    private static void ThrowIfNameTaken(string index)
    {
        switch (index)
        {
            case UserConfiguration.UsernameIndex:
                throw new UserErrorException([UsernameTaken()]);
            case StudentConfiguration.UsnIndex:
                throw new UserErrorException([UsnTaken()]);
            case UserConfiguration.EmailIndex:
                return;
            default:
                throw new InvalidOperationException($"Registration broke the unique index {index}.");
        }
    }

    private static UserError UsernameTaken() => new("USERNAME_TAKEN", "This username is taken.", ["input", "username"]);

    private static UserError UsnTaken() =>
        new("USN_TAKEN", "A student with this USN is registered; if it is yours, ask an administrator.", ["input", "usn"]);
}

internal sealed class RegisterStudentInput
{
    public string Username { get; set; } = "";

    public string Email { get; set; } = "";

    public string Password { get; set; } = "";

    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    public string Usn { get; set; } = "";

    public string Department { get; set; } = "";

    public int Semester { get; set; }

    public AdmissionType AdmissionType { get; set; }
}

internal sealed class RegisterStudentPayload : Payload;

internal sealed class RegisterStudentInputType : InputObjectGraphType<RegisterStudentInput>
{
    public RegisterStudentInputType()
    {
        Field(i => i.Username);
        Field(i => i.Email);
        Field(i => i.Password);
        Field(i => i.FirstName);
        Field(i => i.LastName);
        Field(i => i.Usn);
        Field(i => i.Department);
        Field(i => i.Semester);
        Field<NonNullGraphType<AdmissionTypeGraphType>>("admissionType");
    }
}

internal sealed class RegisterStudentPayloadType : PayloadGraphType<RegisterStudentPayload>;
