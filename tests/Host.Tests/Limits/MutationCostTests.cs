using System.Net;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Host.Tests.Users;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Tests.Limits;

/// <summary>
/// The rate limits price mutations by root field (docs/adr/0010): every alias, fragment field and batch
/// item takes its permits, expensive fields their declared weight (<c>requestPasswordReset</c> 1 + 10 for
/// its email), and the price is paid before anything runs.
/// </summary>
public sealed class MutationCostTests
{
    private const string Reset = "requestPasswordReset(input: { email: \"asha@example.edu\" }) { userErrors { code } }";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_batch_of_ten_times_thirty_aliased_password_resets_sends_no_mail_under_the_production_limits(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider, ProductionLimits());
        Assert.Empty((await app.RegisterAsync("asha", "asha@example.edu", "1ab21cs001")).UserErrorCodes("registerStudent"));
        var batch = Enumerable.Range(0, 10).Select(i => new { query = $"mutation M{i} {{ {Aliased(30, Reset)} }}" }).ToArray();

        var (response, body) = await app.Users.Client.PostJsonAsync(batch);
        await app.DeliverMailAsync();

        // 10 × 30 × (1 + 10) = 3,300 permits: more than a whole window of the address grants (1,000).
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(["RATE_LIMITED"], body.ErrorCodes());
        Assert.DoesNotContain(app.Mailbox(), m => m.Subject == "Reset your CertifyTrack password");
        await using var db = await app.Users.CreateDbContextAsync();
        Assert.Equal(0, await db.AuditLog.CountAsync(a => a.Action == "user.password_reset_requested", Ct));
    }

    /// <summary>Each shape selects three <c>requestPasswordReset</c> fields: 3 × 11 = 33 permits, exactly the limit.</summary>
    [Theory]
    [InlineData("aliases", $"mutation {{ a: {Reset} b: {Reset} c: {Reset} }}")]
    [InlineData("fragment", $"mutation {{ ...F a: {Reset} }} fragment F on Mutation {{ b: {Reset} c: {Reset} }}")]
    [InlineData("inline fragment", $"mutation {{ ... on Mutation {{ a: {Reset} ... {{ b: {Reset} }} }} c: {Reset} }}")]
    [InlineData("fragment spread twice", $"mutation {{ ...F ...F ...G }} fragment F on Mutation {{ a: {Reset} b: {Reset} }} fragment G on Mutation {{ c: {Reset} ...F }}")]
    public async Task Every_root_field_of_a_mutation_takes_its_weight_however_it_is_selected(string shape, string mutation)
    {
        await using var app = await UsersApp.StartAsync("sqlite", settings: Limits(perIp: 33));

        var (admitted, body) = await app.Client.PostGraphQLAsync(mutation);
        var (next, _) = await app.Client.PostGraphQLAsync("{ __typename }");

        Assert.True(admitted.StatusCode == HttpStatusCode.OK, $"{shape}: {body.ToJson()}");
        Assert.Equal(3, body["data"]!.AsObject().Count);
        Assert.Equal(HttpStatusCode.TooManyRequests, next.StatusCode); // the 33 permits are spent
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_items_of_a_batch_add_up_and_a_batch_over_what_is_left_is_refused_whole(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider, settings: Limits(perIp: 40));
        var three = Enumerable.Range(0, 3).Select(i => new { query = $"mutation M{i} {{ {Reset} }}" }).ToArray();

        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostJsonAsync(three)).Response.StatusCode);   // 33 of 40
        var (refused, body) = await app.Client.PostJsonAsync(new[] { new { query = "{ __typename }" }, new { query = $"mutation {{ {Reset} }}" } });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);                           // 1 + 11 > 7
        Assert.Equal(["RATE_LIMITED"], body.ErrorCodes());
        Assert.Equal("200 200 200 200 200 429", await StatusesAsync(app, "{ __typename }", 6));       // the refusal took 2 of the 7
    }

    [Fact]
    public async Task The_weights_are_settings()
    {
        await using var app = await UsersApp.StartAsync("sqlite", settings: new Dictionary<string, string?>(Limits(perIp: 7))
        {
            ["GraphQL:RateLimits:Weights:Mutation"] = "2",
            ["GraphQL:RateLimits:Weights:Email"] = "0",
        });

        Assert.Equal("200 200 200 429", await StatusesAsync(app, $"mutation {{ {Reset} }}", 4));   // 2 each: 6 of 7, then 8 > 7
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Over_WebSocket_a_subscribe_pays_for_its_root_fields_and_connection_init_takes_a_permit(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider, kestrel: true, settings: Limits(perIp: 25));
        using var socket = await WebSocketTestClient.ConnectAsync(app.BaseUri!);
        await socket.InitAsync();                                                        // 1

        await socket.SubscribeAsync("a", $"mutation {{ a: {Reset} b: {Reset} }}");    // 22: 23 of 25
        Assert.Equal("next", (await socket.ReceiveAsync())["type"]!.GetValue<string>());
        Assert.Equal("complete", (await socket.ReceiveAsync())["type"]!.GetValue<string>());
        await socket.SubscribeAsync("b", $"mutation {{ {Reset} }}");                     // 1 before parsing (24), then 10 more > 1
        var refused = await socket.ReceiveAsync();
        Assert.Equal(("error", "RATE_LIMITED"), (refused["type"]!.GetValue<string>(), refused["payload"]![0]!["extensions"]!["code"]!.GetValue<string>()));

        // The last permit goes to one more socket's connection_init; the next socket's is refused (1013, retried by clients).
        using var second = await WebSocketTestClient.ConnectAsync(app.BaseUri!);
        await second.InitAsync();
        using var third = await WebSocketTestClient.ConnectAsync(app.BaseUri!);
        await third.SendAsync("""{"type":"connection_init"}""");
        Assert.Equal((1013, "Too many requests from this address: try again later"), await third.ReceiveCloseAsync());
    }

    internal static Dictionary<string, string?> Limits(int perIp, int perUser = 100) => new()
    {
        ["GraphQL:RateLimits:PerIp"] = $"{perIp}",
        ["GraphQL:RateLimits:PerUser"] = $"{perUser}",
    };

    /// <summary>The defaults of appsettings (TestApp raises them for other tests).</summary>
    internal static Dictionary<string, string?> ProductionLimits() => Limits(perIp: 1000, perUser: 100);

    internal static string Aliased(int count, string field)
    {
        return string.Join(' ', Enumerable.Range(0, count).Select(i => $"a{i}: {field}"));
    }

    private static async Task<string> StatusesAsync(UsersApp app, string query, int count)
    {
        var statuses = new List<int>();
        for (var i = 0; i < count; i++)
        {
            statuses.Add((int)(await app.Client.PostGraphQLAsync(query)).Response.StatusCode);
        }

        return string.Join(' ', statuses);
    }
}
