using CertifyTrack.Modules.Users.Accounts.Input;
using CertifyTrack.Modules.Users.Profiles;
using CertifyTrack.Shared.Persistence;
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
        mutation.Command<RegisterStudentInput, RegisterStudentPayload>("registerStudent")
            .Description("Creates a student account and emails a verification link. The answer does not tell whether the email is registered.")
            .AllowAnonymous()
            .Expensive(ExpensiveWork.PasswordHashing, ExpensiveWork.Email)
            .RunWithoutTransaction<UsersDbContext>(async (command, input) =>
            {
                Validate(input, command.Service<IOptions<UserFormatOptions>>().Value);
                var ct = command.CancellationToken;
                await RejectTakenNamesAsync(command.Db, input, ct);
                var email = User.Normalize(input.Email);
                if (!await command.Db.Users.AnyAsync(u => u.NormalizedEmail == email, ct))
                {
                    try
                    {
                        await CreateAsync(command, input);
                        return new RegisterStudentPayload();
                    }
                    catch (DbUpdateException ex) when (UniqueViolation.IndexName(command.Db, ex) is { } index)
                    {
                        // Lost a race: a taken name is reported; a taken email is answered as below.
                        ThrowIfNameTaken(index);
                    }
                }
                else
                {
                    _ = await PasswordHashing.HashAsync(new User(), input.Password, ct);   // the work a new account costs
                }

                await NotifyOwnerAsync(command, input.Email);
                return new RegisterStudentPayload();
            });

    private static async Task CreateAsync(CommandContext<UsersDbContext> command, RegisterStudentInput input)
    {
        var (db, ct) = (command.Db, command.CancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = new User
        {
            FirstName = PersonNames.Canonical(input.FirstName), LastName = PersonNames.Canonical(input.LastName), UserType = UserKind.Student,
            DateJoined = command.Now,
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
        ProfileRules.Refresh(user, student, user.DateJoined, command.Service<IOptions<UserFormatOptions>>().Value);
        await db.SaveChangesAsync(ct);

        await command.Service<AccountMail>().SendVerificationAsync(db, user, ct);
        await command.AuditAsync(new AuditEntry("user.registered", UserNode.TypeName, $"{user.Id}")
        {
            ActorId = user.Id,
            NewValues = new { user.Username, user.Email, userType = "student", student.Usn, student.Department, student.Semester },
        });
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// The address has an account: its owner hears of the attempt (throttled); nothing else changes. On a
    /// context of its own: the command's may hold the failed insert of a lost race.
    /// </summary>
    private static async Task NotifyOwnerAsync(CommandContext command, string email)
    {
        var (normalized, ct) = (User.Normalize(email), command.CancellationToken);
        await using var db = await command.Service<IDbContextFactory<UsersDbContext>>().CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var owner = await db.Users.SingleAsync(u => u.NormalizedEmail == normalized, ct);
        var noticed = await command.Service<AccountMail>().SendRegistrationNoticeAsync(db, owner, ct);
        await command.Service<IAuditLog>().RecordAsync(
            db, new AuditEntry("user.registration_attempted", UserNode.TypeName, $"{owner.Id}") { NewValues = new { ownerNotified = noticed } }, ct);
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

    private static UserError UsernameTaken() => new(UsersErrorCodes.UsernameTaken, "This username is taken.", ["input", "username"]);

    private static UserError UsnTaken() =>
        new(UsersErrorCodes.UsnTaken, "A student with this USN is registered; if it is yours, ask an administrator.", ["input", "usn"]);
}

internal sealed record RegisterStudentInput(
    string Username, string Email, string Password, string FirstName, string LastName, string Usn, string Department, int Semester, AdmissionType AdmissionType);

internal sealed record RegisterStudentPayload : Payload;
