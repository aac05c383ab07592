using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Clubs;

/// <summary>The 200-member cap under concurrent joins, held by the database (PostgreSQL, the real endpoint).</summary>
public sealed class ClubConcurrencyTests
{
    [Fact]
    public async Task Two_hundred_fifty_concurrent_joins_leave_exactly_two_hundred_members()
    {
        await using var database = await TestDatabase.CreateAsync("postgres");
        // The server (max_connections 100) is shared with other tests: a pool of 40 queues the flood instead of
        // exhausting it; the requests still overlap in the database, 40 transactions at a time. Generous time
        // bounds (ClubWorld): on a loaded machine the last of 250 may wait longer than production's 15 s, for
        // the pool too (Timeout): each join holds its connection for its whole transaction, the directory read included.
        await using var world = await ClubWorld.StartAsync("postgres", database: database, connectionString: database.ConnectionString + ";Maximum Pool Size=40;Timeout=180");
        var club = await world.CreateClubAsync("Crowded", world.Coordinator);
        var students = await world.StudentsAsync("crowd", 250);

        var answers = await Task.WhenAll(students.Select(s => world.AsAsync(s,
            "mutation($id: ID!) { joinClub(input: { clubId: $id }) { member { id } userErrors { code } } }", new { id = club })));

        Assert.True(answers.All(a => a.ErrorCodes.Length == 0), string.Join("\n", answers.Where(a => a.ErrorCodes.Length > 0).Take(3)) + world.LoggedExceptions());
        Assert.Equal(200, answers.Count(a => a.UserErrorCodes("joinClub").Length == 0));
        Assert.Equal(50, answers.Count(a => a.UserErrorCodes("joinClub").SequenceEqual(["CLUB_FULL"])));
        Assert.Equal((200, 200), await world.CountsAsync(club));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Leaving_and_rejoining_reactivates_the_same_row_and_keeps_the_count(string provider)
    {
        await using var world = await ClubWorld.StartAsync(provider);
        const string Join = "mutation($id: ID!) { joinClub(input: { clubId: $id }) { member { id role { name } } userErrors { code } } }";

        var rejoin = await world.AsAsync(world.Removed, Join, new { id = world.ClubId });
        var again = await world.AsAsync(world.Removed, Join, new { id = world.ClubId });

        Assert.Equal(world.MemberIds[world.Removed.Name], rejoin.Field("joinClub")!["member"]!["id"]!.GetValue<string>());
        Assert.Equal(["ALREADY_MEMBER"], again.UserErrorCodes("joinClub"));
        Assert.Equal((6, 6), await world.CountsAsync(world.ClubId));
    }
}
