using System.Text.RegularExpressions;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.Contracts.GraphQL;
using CertifyTrack.Modules.Users.GraphQL;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Modules.Users.Profiles;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.GraphQL.Mutations;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Modules.Users.Accounts;

/// <summary>
/// <c>registerStudent</c>: anonymous self sign-up. The input has no role: the account is always a
/// student, unverified until the emailed link is used. The payload carries only <c>userErrors</c>.
/// </summary>
internal static partial class RegisterStudent
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Mutation<RegisterStudentInputType, RegisterStudentPayloadType>("registerStudent")
            .Description("Creates a student account and emails a verification link.")
            .AllowAnonymous()
            .Resolve<RegisterStudentInput, RegisterStudentPayload>(async (context, input) =>
            {
                var options = context.Service<IOptions<AccountOptions>>().Value;
                Validate(input, options);
                await using var db = await context.UsersDbAsync();
                var ct = context.CancellationToken;
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await RejectDuplicatesAsync(db, input, ct);

                var user = new User
                {
                    FirstName = input.FirstName.Trim(), LastName = input.LastName.Trim(), UserType = UserKind.Student,
                    DateJoined = context.Service<TimeProvider>().GetUtcNow().UtcDateTime,
                };
                user.SetUsername(input.Username);
                user.SetEmail(input.Email);
                user.Password = PasswordHashing.Hash(user, input.Password);
                db.Users.Add(user);
                await SaveAsync(db, ct);
                var student = new Student
                {
                    UserId = user.Id, Department = input.Department.Trim(), Semester = input.Semester, AdmissionType = input.AdmissionType,
                };
                student.SetUsn(input.Usn);
                db.Students.Add(student);
                ProfileRules.Refresh(user, student, user.DateJoined);
                await SaveAsync(db, ct);

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
                return new RegisterStudentPayload();
            });

    private static void Validate(RegisterStudentInput input, AccountOptions options)
    {
        var errors = new List<UserError>();
        if (!UsernameFormat().IsMatch(input.Username.Trim()))
        {
            errors.Add(new("INVALID_USERNAME", "A username has 3–150 letters, digits or . @ + - _.", ["input", "username"]));
        }

        if (input.Email.Length > 254 || !options.IsEmail(input.Email.Trim()))
        {
            errors.Add(new("INVALID_EMAIL", "This email address is not accepted.", ["input", "email"]));
        }

        if (!options.IsUsn(input.Usn.Trim()) || input.Usn.Trim().Length > 20)
        {
            errors.Add(new("INVALID_USN", "This USN is not in the institution's format.", ["input", "usn"]));
        }

        Require(errors, input.FirstName, 150, "firstName");
        Require(errors, input.LastName, 150, "lastName");
        Require(errors, input.Department, 100, "department");
        if (input.Semester is < 1 or > 8)
        {
            errors.Add(new("INVALID_SEMESTER", "The semester is between 1 and 8.", ["input", "semester"]));
        }

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

    private static void Require(List<UserError> errors, string value, int max, string field)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max)
        {
            errors.Add(new("INVALID_VALUE", $"{field} is required (at most {max} characters).", ["input", field]));
        }
    }

    private static async Task RejectDuplicatesAsync(UsersDbContext db, RegisterStudentInput input, CancellationToken ct)
    {
        var username = User.Normalize(input.Username);
        var email = User.Normalize(input.Email);
        var usn = input.Usn.Trim().ToUpperInvariant();
        var errors = new List<UserError>();
        if (await db.Users.AnyAsync(u => u.NormalizedUsername == username, ct))
        {
            errors.Add(new("USERNAME_TAKEN", "This username is taken.", ["input", "username"]));
        }

        if (await db.Users.AnyAsync(u => u.NormalizedEmail == email, ct))
        {
            errors.Add(new("EMAIL_TAKEN", "An account with this email exists; sign in or reset the password.", ["input", "email"]));
        }

        if (await db.Students.AnyAsync(s => s.Usn == usn, ct))
        {
            errors.Add(new("USN_TAKEN", "A student with this USN is registered.", ["input", "usn"]));
        }

        errors.ThrowIfAny();
    }

    /// <summary>A concurrent registration of the same name, email or USN loses on the unique index: a user error, not a fault.</summary>
    private static async Task SaveAsync(UsersDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new UserErrorException("ALREADY_REGISTERED", "An account with this username, email or USN was just registered.", "input");
        }
    }

    [GeneratedRegex(@"^[\w.@+-]{3,150}$", RegexOptions.CultureInvariant)]
    private static partial Regex UsernameFormat();
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
