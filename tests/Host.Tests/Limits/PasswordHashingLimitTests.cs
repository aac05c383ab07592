using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Host.Tests.Users;
using CertifyTrack.Modules.Users.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Tests.Limits;

/// <summary>
/// Password hashing, the costliest thing an anonymous caller can ask for: at most one field that hashes
/// a password per request (document, batch or WebSocket message), refused before anything runs; and
/// at most <see cref="PasswordHashing.MaxConcurrency"/> hashes at once in the process, so the rest of
/// the API stays responsive while hashing requests queue.
/// </summary>
public sealed class PasswordHashingLimitTests
{
    private const string TooMany = "TOO_MANY_PASSWORD_HASHES";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_request_selecting_two_password_hashing_fields_is_refused_before_anything_runs(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        using var probe = new HashingProbe();
        var reset = "resetPassword(input: { token: \"x\", newPassword: \"Secret#2026x\" }) { reset }";
        var requests = new (string Shape, object Body)[]
        {
            ("two aliases", new { query = $"mutation {{ a: {Register("asha")} b: {Register("ravi")} }}" }),
            ("two fields", new { query = $"mutation {{ {Register("asha")} {reset} }}" }),
            ("a fragment", new { query = $"mutation {{ ...F }} fragment F on Mutation {{ {Register("asha")} b: {Register("ravi")} }}" }),
            ("a batch", new[] { new { query = $"mutation {{ {Register("asha")} }}" }, new { query = $"mutation {{ {reset} }}" } }),
            ("the hole: 30 aliases in a batch of 10", Enumerable.Range(0, 10).Select(i => new { query = $"mutation M{i} {{ {MutationCostTests.Aliased(30, Register($"u{i}"))} }}" }).ToArray()),
        };

        foreach (var (shape, body) in requests)
        {
            foreach (var accept in new[] { "application/graphql-response+json", "application/json" })
            {
                var (response, answer, trace) = await PostTracedAsync(app, body, accept);
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{shape}: {(int)response.StatusCode} {answer.ToJson()}");
                Assert.Equal([TooMany], answer.ErrorCodes());
                Assert.Equal(0, probe.In(trace));
            }
        }

        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(0, await db.Users.CountAsync(Ct));

        // One is fine, and it hashes once.
        var (ok, okBody, okTrace) = await PostTracedAsync(app, new { query = $"mutation {{ {Register("asha")} }}" }, "application/json");
        Assert.Equal((HttpStatusCode.OK, """{"data":{"registerStudent":{"userErrors":[]}}}"""), (ok.StatusCode, okBody.ToJson()));
        Assert.Equal(1, probe.In(okTrace));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Over_WebSocket_a_subscribe_with_two_password_hashing_fields_gets_an_error_and_the_socket_stays_open(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider, kestrel: true);
        using var socket = await WebSocketTestClient.ConnectAsync(app.BaseUri!);
        await socket.InitAsync();

        await socket.SubscribeAsync("a", $"mutation {{ a: {Register("asha")} b: {Register("ravi")} }}");
        var error = await socket.ReceiveAsync();

        Assert.Equal(("error", "a", TooMany), (error["type"]!.GetValue<string>(), error["id"]!.GetValue<string>(),
            error["payload"]![0]!["extensions"]!["code"]!.GetValue<string>()));
        await socket.SendAsync(new JsonObject { ["type"] = "ping" });
        Assert.Equal("pong", (await socket.ReceiveAsync())["type"]!.GetValue<string>());
        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(0, await db.Users.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task At_most_one_hash_per_processor_runs_at_once(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        Assert.Empty((await app.QueryAsync($"mutation {{ {Register("asha")} }}")).ErrorCodes());
        using var probe = new HashingProbe();
        using var threads = new MoreThreads(64);   // enough threads that nothing but the gate could hold hashes back

        // With a registered email each registration hashes outside any transaction (and creates nothing),
        // so no database lock serialises the hashes either.
        var count = PasswordHashing.MaxConcurrency * 8;
        var answers = await Task.WhenAll(Enumerable.Range(0, count).Select(i => app.QueryAsync($"mutation {{ {Register($"user{i}", "asha@example.edu")} }}")));

        Assert.All(answers, a => Assert.Equal("""{"data":{"registerStudent":{"userErrors":[]}}}""", a.ToJson()));
        Assert.True(probe.Started >= count, $"{probe.Started} hashes for {count} registrations");
        Assert.InRange(probe.MostAtOnce, 1, PasswordHashing.MaxConcurrency);
    }

    [Fact]
    public async Task A_query_is_answered_while_hashing_requests_wait_their_turn()
    {
        await using var app = await UsersApp.StartAsync("sqlite");
        using var probe = new HashingProbe();
        var count = PasswordHashing.MaxConcurrency * 15;
        var registrations = Enumerable.Range(0, count).Select(i => app.QueryAsync($"mutation {{ {Register($"user{i}")} }}")).ToList();
        var deadline = Stopwatch.StartNew();
        while (probe.Started < PasswordHashing.MaxConcurrency && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(5, Ct);
        }

        var timer = Stopwatch.StartNew();
        var (response, body) = await app.Client.PostGraphQLAsync("{ __typename }");
        var took = timer.Elapsed;
        var finished = registrations.Count(r => r.IsCompleted);

        Assert.Equal((HttpStatusCode.OK, """{"data":{"__typename":"Query"}}"""), (response.StatusCode, body.ToJson()));
        Assert.True(finished < count, $"The query was answered after {took}, when all {count} registrations had finished.");
        Assert.True(took < TimeSpan.FromSeconds(5), $"The query took {took} while registrations were hashing.");
        await Task.WhenAll(registrations);
    }

    internal static string Register(string username, string? email = null) =>
        $"registerStudent(input: {{ username: \"{username}\", email: \"{email ?? username + "@example.edu"}\", password: \"Secret#2026\", usn: \"USN{username}\", "
        + "firstName: \"A\", lastName: \"B\", department: \"CSE\", semester: 3, admissionType: REGULAR }) { userErrors { code } }";

    private static async Task<(HttpResponseMessage Response, JsonNode? Body, ActivityTraceId Trace)> PostTracedAsync(UsersApp app, object body, string accept)
    {
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(body) };
        request.Headers.Accept.ParseAdd(accept);
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        var response = await app.Client.SendAsync(request, Ct);
        return (response, JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct)), trace);
    }

    /// <summary>Raises the thread pool's minimum for the test, so that hashes are not held back by a lack of threads.</summary>
    private sealed class MoreThreads : IDisposable
    {
        private readonly int workers;
        private readonly int io;

        public MoreThreads(int minimum)
        {
            ThreadPool.GetMinThreads(out workers, out io);
            ThreadPool.SetMinThreads(Math.Max(workers, minimum), io);
        }

        public void Dispose() => ThreadPool.SetMinThreads(workers, io);
    }
}
