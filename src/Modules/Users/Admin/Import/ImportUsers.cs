using System.Globalization;
using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Admin.Invitations;
using CertifyTrack.Modules.Users.Admin.NewUsers;
using CertifyTrack.Shared.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Modules.Users.Admin.Import;

/// <summary>
/// <c>importUsers</c>, admins only: up to 10,000 users from CSV text (<see cref="UserCsv"/>). Every row is
/// checked first (formats, duplicates in the file and the database, mentors) and every error reported; only a
/// file without errors is written, in one transaction, each new user invited (<see cref="SetPasswordInvitations"/>).
/// <c>dryRun: true</c> checks only. It may run for <c>Users:Import:ExecutionTimeout</c>. Without the pipeline's
/// transaction: the checks run outside it, and a row a concurrent request took past them is checked again on a
/// fresh context after the rollback, to be reported by line and column like any taken one.
/// </summary>
internal static class ImportUsers
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Command<ImportUsersInput, ImportUsersPayload>("importUsers")
            .Description("Creates up to 10,000 users from CSV text, all or nothing (admins only). Errors name the line and column.")
            .AuthorizeWithRoles(Roles.Admin)
            .Expensive(ExpensiveWork.Email)
            .RunWithoutTransaction<UsersDbContext>(RunAsync)
            .WithExecutionTimeout(services => services.GetRequiredService<IOptions<ImportOptions>>().Value.ExecutionTimeout);

    private static async Task<ImportUsersPayload> RunAsync(CommandContext<UsersDbContext> command, ImportUsersInput input)
    {
        var errors = new List<UserError>();
        var users = UserCsv.Read(input.Csv, errors);
        users.ForEach(user => NewUserRules.Check(user, command.Service<IOptions<UserFormatOptions>>().Value, errors));
        if (users.Count > 0)
        {
            await NewUserConflicts.CheckAsync(command.Db, [.. users.Where(u => u.Kind is not null)], errors, command.CancellationToken);
        }

        ThrowIfAny(errors);
        if (input.DryRun == true)
        {
            return new ImportUsersPayload(0, users.Count);
        }

        try
        {
            return new ImportUsersPayload(await WriteAsync(command, users), users.Count);
        }
        catch (DbUpdateException ex) when (UniqueViolation.IndexName(command.Db, ex) is { } index)
        {
            await using var again = await command.Service<IDbContextFactory<UsersDbContext>>().CreateDbContextAsync(CancellationToken.None);
            await NewUserConflicts.CheckAsync(again, users, errors, command.CancellationToken);
            if (errors.Count == 0)
            {
                errors.Add(NewUserConflicts.ForIndex(new NewUser { Path = field => ["input", "csv"] }, index)
                    ?? new UserError(UsersErrorCodes.Conflict, "A concurrent change conflicts with this file; try again.", ["input", "csv"]));
            }

            ThrowIfAny(errors);
            throw;
        }
    }

    /// <summary>One transaction: the users with their profiles, the audit row, an invitation each.</summary>
    private static async Task<int> WriteAsync(CommandContext<UsersDbContext> command, List<NewUser> users)
    {
        await using var tx = await command.Db.Database.BeginTransactionAsync(command.CancellationToken);
        var created = await NewUserWriter.WriteAsync(command.Db, users, command.Now, command.CancellationToken);
        await command.AuditAsync(new AuditEntry("user.imported", UserNode.TypeName)
        {
            NewValues = new
            {
                count = created.Count,
                firstUserId = created[0].Id,
                lastUserId = created[^1].Id,
                byType = created.GroupBy(u => u.UserType.ToString()).ToDictionary(g => g.Key, g => g.Count()),
            },
        });
        await command.Service<SetPasswordInvitations>().SendManyAsync(command.Db, created, command.CancellationToken);
        await tx.CommitAsync(command.CancellationToken);
        return created.Count;
    }

    /// <summary>Stable: by line (<c>field[2]</c> is <c>"line N"</c>; 0 for the whole file), then in the order found.</summary>
    private static void ThrowIfAny(List<UserError> errors) =>
        errors.OrderBy(e => e.Field is [_, _, var line, ..] && line.StartsWith("line ", StringComparison.Ordinal)
            && int.TryParse(line.AsSpan(5), CultureInfo.InvariantCulture, out var n) ? n : 0).ToList().ThrowIfAny();
}

internal sealed record ImportUsersInput(
    [Description("UTF-8 CSV with a header row. Columns (any order): username, email, first_name, last_name, user_type "
        + "(student|mentor|club_organizer|admin) — required; students: usn, department, semester (1-8), admission_type "
        + "(regular|lateral|transfer), mentor_employee_id (an existing mentor or one in the file); mentors: employee_id, department, designation.")]
    string Csv,
    [Description("Check every row and report the errors, but write nothing.")] bool? DryRun);

internal sealed record ImportUsersPayload(int ImportedCount, [Description("Rows checked (without errors).")] int CheckedCount) : Payload;
