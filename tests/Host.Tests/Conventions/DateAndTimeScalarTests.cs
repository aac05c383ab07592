using CertifyTrack.Host.Tests.Clubs;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Mutations;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Conventions;

/// <summary>
/// <c>Date</c> (yyyy-MM-dd) and <c>LocalTime</c> (HH:mm; HH:mm:ss accepted) for every DateOnly/TimeOnly of a
/// record, through /graphql: literals and variables, and bad text refused before execution, naming the scalar.
/// </summary>
public sealed class DateAndTimeScalarTests
{
    private const string Echo = "mutation($input: EchoScheduleInput!) { echoSchedule(input: $input) { day at until } }";

    [Fact]
    public async Task Records_with_DateOnly_and_TimeOnly_read_and_answer_the_contract_formats()
    {
        await using var app = await TestApp.StartAsync(configureServices: s => s.AddSingleton<IGraphQLModule, ScheduleModule>());
        using var client = app.CreateClient();

        var literal = await client.GraphQLAsync("""mutation { echoSchedule(input: { day: "2026-06-01", at: "09:30:15" }) { day at until } }""");
        var variables = await client.GraphQLAsync(Echo, new { input = new { day = "2024-02-29", at = "18:05", until = "2024-03-01" } });

        Assert.Equal(("2026-06-01", "09:30", (string?)null), Read(literal));
        Assert.Equal(("2024-02-29", "18:05", "2024-03-01"), Read(variables));
    }

    [Theory]
    [InlineData("01/06/2026", "09:30", "yyyy-MM-dd")]
    [InlineData("2026-02-30", "09:30", "yyyy-MM-dd")]
    [InlineData("2026-06-01T00:00:00Z", "09:30", "yyyy-MM-dd")]
    [InlineData("2026-06-01", "25:00", "HH:mm")]
    [InlineData("2026-06-01", "9.30", "HH:mm")]
    [InlineData("2026-06-01", "09:30:00.5", "HH:mm")]
    public async Task Bad_dates_and_times_are_refused_in_literals_and_variables_naming_the_scalar(string day, string at, string format)
    {
        await using var app = await TestApp.StartAsync(configureServices: s => s.AddSingleton<IGraphQLModule, ScheduleModule>());
        using var client = app.CreateClient();

        var literal = await client.GraphQLAsync($$"""mutation { echoSchedule(input: { day: "{{day}}", at: "{{at}}" }) { day } }""");
        var variable = await client.GraphQLAsync(Echo, new { input = new { day, at } });

        // A literal fails validation (ARGUMENTS_OF_CORRECT_TYPE), a variable its coercion (INVALID_VALUE):
        // graphql-dotnet's messages name the field and the scalar, whose description gives the format.
        var scalar = format == "HH:mm" ? "'LocalTime'" : "'Date'";
        foreach (var (response, expected) in new[] { (literal, scalar), (variable, scalar) })
        {
            Assert.Null(response.Field("echoSchedule"));
            Assert.NotEmpty(response.ErrorCodes);
            Assert.True(response.Body["errors"]![0]!["message"]!.GetValue<string>().Contains(expected, StringComparison.Ordinal), response.ToString());
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_club_keeps_its_established_Date_and_the_clubs_connection_filters_on_it(string provider)
    {
        await using var world = await ClubWorld.StartAsync(provider);
        var created = await world.AsAsync(world.Admin, """
            mutation($c: ID!) { createClub(input: { name: "Dated", facultyCoordinatorId: $c, establishedDate: "2019-07-15" }) { club { establishedDate } userErrors { code } } }
            """, new { c = world.Coordinator.MentorId });

        var filtered = await world.AsAsync(world.Outsider, """
            query($from: Date!) { clubs(where: { establishedDate: { gte: $from, lt: "2019-08-01" } }) { nodes { name establishedDate } } }
            """, new { from = "2019-07-15" });

        Assert.Equal("2019-07-15", created.Field("createClub")!["club"]!["establishedDate"]!.GetValue<string>());
        Assert.Equal(["Dated"], ClubWorld.Names(filtered.Field("clubs")!["nodes"]));
        Assert.Equal("2019-07-15", filtered.Field("clubs")!["nodes"]![0]!["establishedDate"]!.GetValue<string>());
    }

    private static (string?, string?, string?) Read(GraphQLResponse response)
    {
        var echo = response.Field("echoSchedule") ?? throw new InvalidOperationException(response.ToString());
        return (echo["day"]?.GetValue<string>(), echo["at"]?.GetValue<string>(), echo["until"]?.GetValue<string>());
    }

    private sealed class ScheduleModule : IGraphQLModule
    {
        public string Name => "ScheduleTest";

        public void AddQueryFields(ObjectGraphType query)
        {
        }

        public void AddMutationFields(ObjectGraphType mutation) =>
            mutation.Command<EchoScheduleInput, EchoSchedulePayload>("echoSchedule")
                .AllowAnonymous()
                .Resolve((_, input) => Task.FromResult(new EchoSchedulePayload(input.Day, input.At, input.Until)));
    }

    internal sealed record EchoScheduleInput(DateOnly Day, TimeOnly At, DateOnly? Until);

    internal sealed record EchoSchedulePayload(DateOnly? Day, TimeOnly? At, DateOnly? Until) : Payload;
}
