using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Clubs.Domain;
using CertifyTrack.Modules.Clubs.Persistence;
using CertifyTrack.Shared.GraphQL.Relay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CertifyTrack.Host.Tests.Clubs;

/// <summary>
/// <c>removeClubMember</c> and <c>changeClubMemberRole</c> on one membership at once (PostgreSQL, through
/// <c>/graphql</c>): the first to commit wins and the second sees it, in either order. A <see cref="CommitHold"/>
/// keeps the first one's writes uncommitted until the second is waiting on the row.
/// </summary>
public sealed class MembershipRaceTests
{
    private const string Remove = "mutation($id: ID!) { removeClubMember(input: { memberId: $id }) { userErrors { code field } } }";
    private const string Change = "mutation($id: ID!, $role: ID!) { changeClubMemberRole(input: { memberId: $id, roleId: $role }) { member { role { name } } userErrors { code field } } }";

    [Fact]
    public async Task A_role_change_racing_a_removal_never_changes_the_removed_row_and_the_history_tells_what_happened()
    {
        await using var database = await TestDatabase.CreateAsync("postgres");
        await using var world = await ClubWorld.StartAsync("postgres", database: database, configureServices: CommitHold.AddTo);
        var hold = world.App.App.Services.GetRequiredService<CommitHold>();

        // Removal first: the change waits on the row, then finds the membership gone.
        var member = world.MemberIds[world.Member.Name];
        var (removed, changed) = await RaceAsync(world, hold, database,
            first: (Remove, new { id = member }), second: (Change, new { id = member, role = world.RoleIds["secretary"] }));
        Assert.Empty(removed.UserErrorCodes("removeClubMember"));
        Assert.Equal(["NOT_A_MEMBER"], changed.UserErrorCodes("changeClubMemberRole"));
        Assert.Equal((false, "member"), await RowAsync(world, member));
        Assert.Equal([(MembershipChangeKind.Added, null, "member", true), (MembershipChangeKind.Removed, "member", "member", false)], await HistoryAsync(world, member));

        // Change first: the removal waits, then removes the member with the role it now has.
        var treasurer = world.MemberIds[world.Treasurer.Name];
        var (changedFirst, removedAfter) = await RaceAsync(world, hold, database,
            first: (Change, new { id = treasurer, role = world.RoleIds["member"] }), second: (Remove, new { id = treasurer }));
        Assert.Empty(changedFirst.UserErrorCodes("changeClubMemberRole"));
        Assert.Empty(removedAfter.UserErrorCodes("removeClubMember"));
        Assert.Equal((false, "member"), await RowAsync(world, treasurer));
        Assert.Equal(
            [(MembershipChangeKind.Added, null, "treasurer", true), (MembershipChangeKind.RoleChanged, "treasurer", "member", true), (MembershipChangeKind.Removed, "member", "member", false)],
            await HistoryAsync(world, treasurer));
        Assert.Equal((3, 3), await world.CountsAsync(world.ClubId));
    }

    /// <summary>Sends <paramref name="first"/> with its commit held, then <paramref name="second"/>; lets the first commit once the second waits on a row lock.</summary>
    private static async Task<(GraphQLResponse First, GraphQLResponse Second)> RaceAsync(
        ClubWorld world, CommitHold hold, TestDatabase database, (string Query, object Variables) first, (string Query, object Variables) second)
    {
        hold.Arm();
        var one = SendAsync(world, first.Query, first.Variables, held: true);
        await hold.Reached.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        var two = SendAsync(world, second.Query, second.Variables, held: false);
        await WaitForLockWaitAsync(database, two);
        hold.Release();
        return (await one, await two);
    }

    private static async Task<GraphQLResponse> SendAsync(ClubWorld world, string query, object variables, bool held)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", world.Admin.Token);
        if (held)
        {
            request.Headers.Add(CommitHold.Header, "1");
        }

        using var response = await world.App.Client.SendAsync(request, TestContext.Current.CancellationToken);
        return new GraphQLResponse(response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!);
    }

    /// <summary>Until a backend of the test database waits on a lock (the second request on the first one's row), or the second request has answered.</summary>
    private static async Task WaitForLockWaitAsync(TestDatabase database, Task second)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        for (var i = 0; i < 600 && !second.IsCompleted; i++)
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
            if ((long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))! > 0)
            {
                return;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<(bool Active, string Role)> RowAsync(ClubWorld world, string memberId)
    {
        await using var db = await Db(world);
        var key = Key(memberId);
        var row = await db.Members.Where(m => m.Id == key).Select(m => new { m.IsActive, m.Role!.Name }).SingleAsync(TestContext.Current.CancellationToken);
        return (row.IsActive, row.Name);
    }

    private static async Task<List<(MembershipChangeKind Kind, string? Old, string? New, bool Active)>> HistoryAsync(ClubWorld world, string memberId)
    {
        await using var db = await Db(world);
        var key = Key(memberId);
        var roles = await db.Roles.ToDictionaryAsync(r => r.Id, r => r.Name, TestContext.Current.CancellationToken);
        var rows = await db.MembershipHistory.Where(h => h.MemberId == key).OrderBy(h => h.Id).ToListAsync(TestContext.Current.CancellationToken);
        return [.. rows.Select(h => (h.Kind, h.OldRoleId is { } o ? roles[o] : null, h.NewRoleId is { } n ? roles[n] : null, h.NewIsActive))];
    }

    private static Task<ClubsDbContext> Db(ClubWorld world) =>
        world.App.App.Services.GetRequiredService<IDbContextFactory<ClubsDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

    private static long Key(string globalId) =>
        long.Parse(GlobalId.TryParse(globalId, out var id) ? id.Value.Key : "0", System.Globalization.CultureInfo.InvariantCulture);
}
