using CertifyTrack.Modules.Users.Accounts;
using CertifyTrack.Modules.Users.Admin.Invitations;
using CertifyTrack.Modules.Users.Admin.NewUsers;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Audit;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Authorization;
using CertifyTrack.Shared.GraphQL.Mutations;
using CertifyTrack.Shared.Persistence;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Modules.Users.Admin.Import;

/// <summary>
/// <c>importUsers</c>, admins only: up to 10,000 users from CSV text (<see cref="UserCsv"/>).
/// Every row is checked first — formats, duplicates in the file and in the database, mentors —
/// and every error is reported; only a file without errors is written, in one transaction
/// (all or nothing). New users get no password and a set-password invitation each (tokens and
/// emails inserted in batches, <see cref="SetPasswordInvitations"/>); nothing secret is ever in the
/// payload. <c>dryRun: true</c> checks without writing. It may run for <c>Users:Import:ExecutionTimeout</c>
/// (2 minutes), longer than other operations. A row whose name, email or USN a concurrent
/// request takes between the checks and the insert is reported like any taken one.
/// </summary>
internal static class ImportUsers
{
    public static void Declare(ObjectGraphType mutation) =>
        mutation.Mutation<ImportUsersInputType, ImportUsersPayloadType>("importUsers")
            .Description("Creates up to 10,000 users from CSV text, all or nothing (admins only). Errors name the line and column.")
            .AuthorizeWithRoles(Roles.Admin)
            .Expensive(ExpensiveWork.Email)
            .Resolve<ImportUsersInput, ImportUsersPayload>((context, input) =>
                RunAsync(context.RequestServices!, input, context.CancellationToken))
            .WithExecutionTimeout(services => services.GetRequiredService<IOptions<ImportOptions>>().Value.ExecutionTimeout);

    public static async Task<ImportUsersPayload> RunAsync(IServiceProvider services, ImportUsersInput input, CancellationToken ct)
    {
        var errors = new List<UserError>();
        var users = UserCsv.Read(input.Csv ?? "", errors);
        var formats = services.GetRequiredService<IOptions<UserFormatOptions>>().Value;
        foreach (var user in users)
        {
            NewUserRules.Check(user, formats, errors);
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<UsersDbContext>>().CreateDbContextAsync(ct);
        if (users.Count > 0)
        {
            await NewUserConflicts.CheckAsync(db, [.. users.Where(u => u.Kind is not null)], errors, ct);
        }

        if (errors.Count > 0)
        {
            throw new UserErrorException(errors.OrderBy(LineOf));   // stable: by line, then in the order found
        }

        if (input.DryRun == true)
        {
            return new ImportUsersPayload { ImportedCount = 0, CheckedCount = users.Count };
        }

        try
        {
            var created = await WriteAsync(services, db, users, ct);
            return new ImportUsersPayload { ImportedCount = created, CheckedCount = users.Count };
        }
        catch (DbUpdateException ex) when (UniqueViolation.IndexName(db, ex) is { } index)
        {
            // A concurrent request took a name, email or USN of the file after the checks: nothing
            // was written (one transaction). Check again to report the rows by line and column.
            await using var again = await services.GetRequiredService<IDbContextFactory<UsersDbContext>>().CreateDbContextAsync(CancellationToken.None);
            await NewUserConflicts.CheckAsync(again, users, errors, ct);
            if (errors.Count == 0)
            {
                errors.Add(NewUserConflicts.ForIndex(new NewUser { Path = field => ["input", "csv"] }, index)
                    ?? new UserError("CONFLICT", "A concurrent change conflicts with this file; try again.", ["input", "csv"]));
            }

            throw new UserErrorException(errors.OrderBy(LineOf));
        }
    }

    /// <summary>One transaction: the users with their profiles, the audit row, an invitation each.</summary>
    private static async Task<int> WriteAsync(IServiceProvider services, UsersDbContext db, List<NewUser> users, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await NewUserWriter.WriteAsync(db, users, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ct);
        await services.GetRequiredService<IAuditLog>().RecordAsync(db, new AuditEntry("user.imported", "User")
        {
            NewValues = new
            {
                count = created.Count,
                firstUserId = created[0].Id,
                lastUserId = created[^1].Id,
                byType = created.GroupBy(u => u.UserType.ToString()).ToDictionary(g => g.Key, g => g.Count()),
            },
        }, ct);
        await services.GetRequiredService<SetPasswordInvitations>().SendManyAsync(db, created, ct);
        await tx.CommitAsync(ct);
        return created.Count;
    }

    /// <summary>The line of an error (<c>field[2]</c> is <c>"line N"</c>); 0 for errors about the whole file.</summary>
    private static int LineOf(UserError error) =>
        error.Field is [_, _, var line, ..] && line.StartsWith("line ", StringComparison.Ordinal)
            && int.TryParse(line.AsSpan(5), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
}

internal sealed record ImportUsersInput(string Csv, bool? DryRun);

internal sealed class ImportUsersPayload : Payload
{
    public int ImportedCount { get; init; }

    public int CheckedCount { get; init; }
}

internal sealed class ImportUsersInputType : InputObjectGraphType<ImportUsersInput>
{
    public ImportUsersInputType()
    {
        Field<NonNullGraphType<StringGraphType>>("csv").Description(
            "UTF-8 CSV with a header row. Columns (any order): username, email, first_name, last_name, user_type "
            + "(student|mentor|club_organizer|admin) — required; students: usn, department, semester (1-8), admission_type "
            + "(regular|lateral|transfer), mentor_employee_id (an existing mentor or one in the file); mentors: employee_id, department, designation.");
        Field<BooleanGraphType>("dryRun").Description("Check every row and report the errors, but write nothing.");
    }
}

internal sealed class ImportUsersPayloadType : PayloadGraphType<ImportUsersPayload>
{
    public ImportUsersPayloadType()
    {
        Field<NonNullGraphType<IntGraphType>>("importedCount").Resolve(c => c.Source.ImportedCount);
        Field<NonNullGraphType<IntGraphType>>("checkedCount").Description("Rows checked (without errors).").Resolve(c => c.Source.CheckedCount);
    }
}
