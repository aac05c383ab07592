using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Host.Tests.Users;

namespace CertifyTrack.Host.Tests.Limits;

/// <summary>
/// The GraphQL rate limits (docs/adr/0010): counted per operation — each batch item, each
/// WebSocket <c>subscribe</c> — per user and per IP address; 429 with <c>Retry-After</c> and
/// <c>RATE_LIMITED</c> over HTTP, an <c>error</c> message over WebSocket.
/// </summary>
public sealed class RateLimitTests
{
    private const string Typename = "{ __typename }";
    private const string Ok = """{"data":{"__typename":"Query"}}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_users_fourth_operation_over_a_limit_of_three_gets_429_with_Retry_After(string provider)
    {
        await using var app = await StartAsync(provider, perUser: 3, perIp: 100);
        var asha = Token(1);

        for (var i = 0; i < 3; i++)
        {
            var (response, body) = await app.Client.PostGraphQLAsync(Typename, token: asha);
            Assert.Equal((HttpStatusCode.OK, Ok), (response.StatusCode, body.ToJson()));
        }

        foreach (var accept in new[] { "application/graphql-response+json", "application/json" })
        {
            var (refused, body) = await app.Client.PostGraphQLAsync(Typename, accept: accept, token: asha);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal(accept, refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(60), refused.Headers.RetryAfter?.Delta);
            Assert.Equal(
                """{"errors":[{"message":"Too many GraphQL operations; retry after 60 seconds.","extensions":{"code":"RATE_LIMITED","retryAfter":60}}]}""",
                body.ToJson());
        }

        // A GET query is an operation too.
        using var get = await app.Client.SendAsync(Get(Typename, asha), Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, get.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_request_of_a_batch_counts_and_a_batch_beyond_the_limit_is_refused_whole(string provider)
    {
        await using var app = await StartAsync(provider, perUser: 3, perIp: 100);
        var asha = Token(1);
        object Item(int i) => new { query = $"query Q{i} {{ __typename }}" };

        var (tooMany, body) = await app.Client.PostJsonAsync(Enumerable.Range(0, 5).Select(Item).ToArray(), token: asha);
        Assert.Equal(HttpStatusCode.TooManyRequests, tooMany.StatusCode);
        Assert.NotNull(tooMany.Headers.RetryAfter);
        Assert.Equal(["RATE_LIMITED"], body.ErrorCodes()); // one error for the whole batch, no item ran

        // The refused batch took no permits: three fit, and then the count is spent.
        var (three, answers) = await app.Client.PostJsonAsync(Enumerable.Range(0, 3).Select(Item).ToArray(), token: asha);
        Assert.Equal(HttpStatusCode.OK, three.StatusCode);
        Assert.Equal(3, answers!.AsArray().Count);
        var (one, _) = await app.Client.PostJsonAsync(new[] { Item(9) }, token: asha);
        Assert.Equal(HttpStatusCode.TooManyRequests, one.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Users_behind_one_address_are_counted_apart_per_user_and_together_per_address(string provider)
    {
        await using var app = await StartAsync(provider, perUser: 3, perIp: 5);

        Assert.Equal("200 200 200 429", await StatusesAsync(app, Token(1), 4)); // Asha's own limit; her 4th is not counted against the address
        Assert.Equal("200 200 429", await StatusesAsync(app, Token(2), 3)); // Ravi has permits left, the address does not (3 + 2 = 5)
        Assert.Equal("429", await StatusesAsync(app, Token(3), 1)); // nor for a third user
        Assert.Equal("429", await StatusesAsync(app, null, 1)); // nor for anonymous callers there
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Anonymous_callers_are_limited_per_address(string provider)
    {
        await using var app = await StartAsync(provider, perUser: 1, perIp: 2);

        Assert.Equal("200 200 429", await StatusesAsync(app, null, 3));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Requests_with_a_refused_token_count_against_the_address(string provider)
    {
        await using var app = await StartAsync(provider, perUser: 100, perIp: 2);

        Assert.Equal("401 401 429", await StatusesAsync(app, "not-a-token", 3));
        Assert.Equal("429", await StatusesAsync(app, null, 1));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_subscribe_over_the_limit_gets_an_error_message_and_the_socket_stays_open(string provider)
    {
        await using var app = await StartAsync(provider, perUser: 3, perIp: 100, kestrel: true);
        using var socket = await WebSocketTestClient.ConnectAsync(app.BaseUri!);
        await socket.InitAsync(new JsonObject { ["Authorization"] = "Bearer " + Token(1) });

        foreach (var id in new[] { "a", "b" })
        {
            await socket.SubscribeAsync(id, Typename);
            Assert.Equal(("next", id, Ok), Describe(await socket.ReceiveAsync()));
            Assert.Equal(("complete", id, "null"), Describe(await socket.ReceiveAsync()));
        }

        // The same user over HTTP draws on the same count.
        using var http = new HttpClient { BaseAddress = app.BaseUri };
        Assert.Equal(HttpStatusCode.OK, (await http.PostGraphQLAsync(Typename, token: Token(1))).Response.StatusCode);

        await socket.SubscribeAsync("c", Typename);
        Assert.Equal(
            ("error", "c", """[{"message":"Too many GraphQL operations; retry after 60 seconds.","extensions":{"code":"RATE_LIMITED","retryAfter":60}}]"""),
            Describe(await socket.ReceiveAsync()));

        await socket.SendAsync(new JsonObject { ["type"] = "ping" });
        Assert.Equal("pong", (await socket.ReceiveAsync())["type"]!.GetValue<string>());
        Assert.Equal(WebSocketState.Open, socket.Socket.State);
    }

    [Fact]
    public async Task The_count_refills_when_the_window_ends()
    {
        // The framework's limiter reads the real clock, not TimeProvider: a short window instead of a fake clock.
        await using var app = await StartAsync("sqlite", perUser: 2, perIp: 100, window: "00:00:02");
        _ = await StatusesAsync(app, Token(9), 1); // warms the host up under another user, so Asha's window holds her three requests

        var started = Stopwatch.StartNew();
        Assert.Equal("200 200 429", await StatusesAsync(app, Token(1), 3));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"The three requests took {started.Elapsed}, longer than the window.");

        var (refused, _) = await app.Client.PostGraphQLAsync(Typename, token: Token(1));
        Assert.Equal(TimeSpan.FromSeconds(2), refused.Headers.RetryAfter?.Delta);

        var status = HttpStatusCode.TooManyRequests;
        while (status == HttpStatusCode.TooManyRequests && started.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), Ct);
            status = (await app.Client.PostGraphQLAsync(Typename, token: Token(1))).Response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(started.Elapsed >= TimeSpan.FromSeconds(2), $"Refilled after {started.Elapsed}, before the window ended.");
    }

    [Fact]
    public async Task With_the_limits_disabled_nothing_is_counted()
    {
        await using var app = await UsersApp.StartAsync("sqlite", settings: new Dictionary<string, string?>
        {
            ["GraphQL:RateLimits:Enabled"] = "false",
            ["GraphQL:RateLimits:PerUser"] = "1",
            ["GraphQL:RateLimits:PerIp"] = "1",
        });

        Assert.Equal("200 200 200", await StatusesAsync(app, Token(1), 3));
    }

    internal static string Token(long userId) => TestAuthenticationHandler.Token($"{userId}", "student");

    private static Task<UsersApp> StartAsync(string provider, int perUser, int perIp, bool kestrel = false, string? window = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["GraphQL:RateLimits:PerUser"] = $"{perUser}",
            ["GraphQL:RateLimits:PerIp"] = $"{perIp}",
        };
        if (window is not null)
        {
            settings["GraphQL:RateLimits:Window"] = window;
        }

        return UsersApp.StartAsync(provider, kestrel: kestrel, settings: settings);
    }

    private static (string? Type, string? Id, string Payload) Describe(JsonObject message) =>
        (message["type"]?.GetValue<string>(), message["id"]?.GetValue<string>(), WebSocketTestClient.Json(message["payload"]));

    private static async Task<string> StatusesAsync(UsersApp app, string? token, int count)
    {
        var statuses = new int[count];
        for (var i = 0; i < count; i++)
        {
            statuses[i] = (int)(await app.Client.PostGraphQLAsync(Typename, token: token)).Response.StatusCode;
        }

        return string.Join(' ', statuses);
    }

    private static HttpRequestMessage Get(string query, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(query));
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }
}
