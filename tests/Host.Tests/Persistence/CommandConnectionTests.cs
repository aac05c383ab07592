using CertifyTrack.Host.Tests.Clubs;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Host.Tests.Users;
using CertifyTrack.Modules.Users.Contracts;
using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Mutations;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Persistence;

/// <summary>
/// One connection per command (docs/architecture.md): contracts asked inside <c>Run</c> share the
/// command's connection and transaction, so a pool of one connection is enough for any command.
/// </summary>
public sealed class CommandConnectionTests
{
    [Fact]
    public async Task Club_commands_that_ask_the_user_directory_and_club_permissions_run_on_a_pool_of_one_connection()
    {
        await using var database = await TestDatabase.CreateAsync("postgres");
        // Before, each of these held its transaction's connection while the contract waited for a second:
        // with one connection in the pool, that wait ended in Npgsql's pool timeout.
        await using var world = await ClubWorld.StartAsync("postgres", database: database, connectionString: database.ConnectionString + ";Maximum Pool Size=1;Timeout=60");
        var club = await world.CreateClubAsync("Single Connection", world.Coordinator);
        var students = await world.StudentsAsync("single", 2);

        // The coordinator adds (IClubPermissions, IUserDirectory); a student joins (IUserDirectory).
        await world.AddMemberAsync(world.Coordinator, club, students[0], "secretary");
        var joined = await world.AsAsync(students[1], "mutation($id: ID!) { joinClub(input: { clubId: $id }) { member { id } userErrors { code } } }", new { id = club });

        Assert.Empty(joined.UserErrorCodes("joinClub"));
        Assert.Equal((2, 2), await world.CountsAsync(club));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_contract_read_inside_a_command_sees_its_saved_uncommitted_rows_and_rolls_back_with_it(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider, configureServices: s => s.AddSingleton<IGraphQLModule, ProbeModule>());
        var userId = await app.AddUserAsync("probe");
        const string Rename = "mutation($input: RenameThroughDirectoryInput!) { renameThroughDirectory(input: $input) { seenByDirectory userErrors { code } } }";

        var committed = await app.Client.GraphQLAsync(Rename, new { input = new { userId, firstName = "Renamed", rollBack = false } });
        var rolledBack = await app.Client.GraphQLAsync(Rename, new { input = new { userId, firstName = "Undone", rollBack = true } });

        // A second connection would have read the committed "First" (read committed on PostgreSQL, WAL snapshot on SQLite).
        Assert.Equal("Renamed", committed.Field("renameThroughDirectory")!["seenByDirectory"]!.GetValue<string>());
        Assert.Equal(["ROLLED_BACK:Undone"], rolledBack.UserErrorCodes("renameThroughDirectory"));
        await using var db = await app.CreateDbContextAsync();
        Assert.Equal("Renamed", (await db.Users.SingleAsync(u => u.Id == userId, TestContext.Current.CancellationToken)).FirstName);
    }

    /// <summary>A command of Users that writes, then asks its own contract (as another module would) what it sees.</summary>
    private sealed class ProbeModule : IGraphQLModule
    {
        public string Name => "CommandConnectionProbe";

        public void AddQueryFields(ObjectGraphType query)
        {
        }

        public void AddMutationFields(ObjectGraphType mutation) =>
            mutation.Command<RenameThroughDirectoryInput, RenameThroughDirectoryPayload>("renameThroughDirectory")
                .AllowAnonymous()
                .Run<UsersDbContext>(async (command, input) =>
                {
                    var user = await command.Db.Users.SingleAsync(u => u.Id == input.UserId, command.CancellationToken);
                    user.FirstName = input.FirstName;
                    await command.Db.SaveChangesAsync(command.CancellationToken);
                    var seen = (await command.Service<IUserDirectory>().ByUserIdsAsync([input.UserId], command.CancellationToken))[input.UserId].FirstName;
                    return input.RollBack ? throw new UserErrorException($"ROLLED_BACK:{seen}", "Rolled back on purpose.") : new RenameThroughDirectoryPayload(seen);
                });
    }

    internal sealed record RenameThroughDirectoryInput(long UserId, string FirstName, bool RollBack);

    internal sealed record RenameThroughDirectoryPayload(string? SeenByDirectory) : Payload;
}
