using System.Text.Json.Nodes;
using CertifyTrack.Host.Events;
using CertifyTrack.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static CertifyTrack.Host.Tests.Auth.RevocationTests;

namespace CertifyTrack.Host.Tests.Auth;

/// <summary>
/// A WebSocket's token is checked once, at <c>connection_init</c>; the socket is closed with 4403
/// when the user's sessions are revoked (on every host instance) and when the token expires.
/// </summary>
public sealed class WebSocketRevocationTests
{
    private const string Subscription = "subscription { notificationReceived { id } }";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_password_reset_closes_the_users_subscriptions_with_4403(string provider)
    {
        await using var app = await StartAsync(provider);
        var asha = await app.AddUserAsync("asha");
        var bela = await app.AddUserAsync("bela");
        using var ashaSocket = await SubscribeAsync(app, asha, (await SignInAsync(app, "asha")).Access);
        using var belaSocket = await SubscribeAsync(app, bela, (await SignInAsync(app, "bela")).Access);

        await ResetPasswordAsync(app, "asha@example.edu");

        var (code, reason) = await ashaSocket.ReceiveCloseAsync();
        Assert.Equal(4403, code);
        Assert.Equal("Forbidden: the session was revoked", reason);
        await AssertOpenAsync(belaSocket);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_password_change_closes_the_other_sessions_sockets_and_keeps_the_callers(string provider)
    {
        await using var app = await StartAsync(provider);
        var asha = await app.AddUserAsync("asha");
        var laptop = await SignInAsync(app, "asha");
        using var laptopSocket = await SubscribeAsync(app, asha, laptop.Access);
        using var phoneSocket = await SubscribeAsync(app, asha, (await SignInAsync(app, "asha")).Access);

        await laptopSocket.SendAsync(new JsonObject
        {
            ["id"] = "change",
            ["type"] = "subscribe",
            ["payload"] = new JsonObject
            {
                ["query"] = $$"""mutation { changePassword(input: { currentPassword: "{{TokenApp.Password}}", newPassword: "Brand-new#2026" }) { changed } }""",
            },
        });

        // The caller's socket gets the mutation's answer and its completion, and, on its own
        // subscription, the password_changed notification (in whichever order the two race).
        var received = new List<JsonObject>();
        for (var i = 0; i < 3; i++)
        {
            received.Add(await laptopSocket.ReceiveAsync());
        }

        Assert.Equal("""{"data":{"changePassword":{"changed":true}}}""",
            WebSocketTestClient.Json(received.Single(m => Is(m, "change", "next"))["payload"]));
        Assert.Single(received, m => Is(m, "change", "complete"));
        Assert.Single(received, m => Is(m, "n", "next"));
        Assert.Equal(4403, (await phoneSocket.ReceiveCloseAsync()).Code);
        await AssertOpenAsync(laptopSocket);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_logout_closes_the_sockets_of_that_session_only(string provider)
    {
        await using var app = await StartAsync(provider);
        var asha = await app.AddUserAsync("asha");
        var laptop = (await app.PasswordGrantAsync("asha", TokenApp.Password)).Body;
        using var laptopSocket = await SubscribeAsync(app, asha, laptop["access_token"]!.GetValue<string>());
        using var phoneSocket = await SubscribeAsync(app, asha, (await SignInAsync(app, "asha")).Access);

        using var logout = new FormUrlEncodedContent([new("id_token_hint", laptop["id_token"]!.GetValue<string>()), new("client_id", "certifytrack-web")]);
        using var response = await app.Client.PostAsync("/connect/logout", logout, Ct);

        Assert.Equal((4403, "Forbidden: the session was revoked"), await laptopSocket.ReceiveCloseAsync());
        await AssertOpenAsync(phoneSocket);
    }

    [Fact]
    public async Task A_reset_on_one_instance_closes_the_socket_on_another()
    {
        await using var database = await TestDatabase.CreateAsync("postgres");
        await using var a = await TokenApp.StartAsync(database);
        await using var b = await TokenApp.StartAsync(database, kestrel: true);
        await b.App.Services.GetRequiredService<ListenerStatus>().WaitUntilListeningAsync(1, Ct).WaitAsync(TimeSpan.FromSeconds(15), Ct);
        var asha = await a.AddUserAsync("asha");
        // Signed in through B; the issuer is PublicBaseUrl whichever instance is asked.
        using var socket = await SubscribeAsync(b, asha, (await SignInAsync(b, "asha")).Access);

        await ResetPasswordAsync(a, "asha@example.edu");

        Assert.Equal((4403, "Forbidden: the session was revoked"), await socket.ReceiveCloseAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_socket_is_closed_with_4403_when_its_access_token_expires(string provider)
    {
        await using var app = await StartAsync(provider, new Dictionary<string, string?> { ["Auth:AccessTokenLifetime"] = "00:05:00" });
        var asha = await app.AddUserAsync("asha");
        using var socket = await SubscribeAsync(app, asha, (await SignInAsync(app, "asha")).Access);

        app.Time.Advance(TimeSpan.FromMinutes(4));
        await AssertOpenAsync(socket);
        app.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));

        Assert.Equal((4403, "Forbidden: the token expired"), await socket.ReceiveCloseAsync());
    }

    private static async Task<TokenApp> StartAsync(string provider, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = await TokenApp.StartAsync(provider, kestrel: true, settings);
        if (provider == "postgres")
        {
            await app.App.Services.GetRequiredService<ListenerStatus>().WaitUntilListeningAsync(1, Ct).WaitAsync(TimeSpan.FromSeconds(15), Ct);
        }

        return app;
    }

    /// <summary>Opens a socket on <paramref name="host"/> signed in with the token, and waits until its subscription runs.</summary>
    private static async Task<WebSocketTestClient> SubscribeAsync(TokenApp host, long userId, string accessToken)
    {
        var socket = await WebSocketTestClient.ConnectAsync(host.BaseUri!);
        await socket.InitAsync(new JsonObject { ["Authorization"] = "Bearer " + accessToken });
        var topics = host.App.Services.GetRequiredService<LocalTopics>();
        var topic = $"notifications.user.{userId}";
        var before = topics.CountSubscribers(topic);
        await socket.SubscribeAsync("n", Subscription);
        for (var i = 0; i < 200 && topics.CountSubscribers(topic) == before; i++)
        {
            await Task.Delay(50, Ct);
        }

        Assert.Equal(before + 1, topics.CountSubscribers(topic));
        return socket;
    }

    private static bool Is(JsonObject message, string id, string type) =>
        message["id"]?.GetValue<string>() == id && message["type"]!.GetValue<string>() == type;

    private static async Task AssertOpenAsync(WebSocketTestClient socket)
    {
        await socket.SendAsync(new JsonObject { ["type"] = "ping" });
        Assert.Equal("pong", (await socket.ReceiveAsync())["type"]!.GetValue<string>());
    }
}
