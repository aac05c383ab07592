using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Users.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Tests.Users;

/// <summary>
/// <c>registerStudent</c> does not reveal which emails have accounts: the answer for a registered
/// address is the answer for a new one, the same password hashing is spent, nothing is created, and
/// the owner of the address is told (throttled). Taken usernames and USNs are still reported.
/// </summary>
public sealed class RegistrationPrivacyTests
{
    private const string Register = "mutation($input: RegisterStudentInput!) { registerStudent(input: $input) { userErrors { code field message } } }";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_registered_email_gets_the_answer_of_a_new_one_and_its_owner_is_told(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        Assert.Empty((await app.RegisterAsync("asha", "asha@example.edu", "1ab21cs001")).UserErrorCodes("registerStudent"));
        await app.DeliverMailAsync();

        var existing = await app.QueryAsync(Register, variables: Input("someone", "ASHA@example.edu", "1AB21CS002"));
        var fresh = await app.QueryAsync(Register, variables: Input("newbie", "newbie@example.edu", "1AB21CS003"));
        Assert.Equal("""{"data":{"registerStudent":{"userErrors":[]}}}""", fresh.ToJson());
        Assert.Equal(fresh.ToJson(), existing.ToJson());

        await using (var db = await app.Users.CreateDbContextAsync())
        {
            Assert.Equal(["asha", "newbie"], (await db.Users.Select(u => u.Username).ToListAsync(ct)).Order(StringComparer.Ordinal));
            Assert.False(await db.Students.AnyAsync(s => s.Usn == "1AB21CS002", ct));   // nothing of the attempt was created
        }

        await app.DeliverMailAsync();
        var notice = Assert.Single(app.Mailbox(), m => m.Subject == "Someone tried to register with your CertifyTrack email address");
        Assert.Equal("asha@example.edu", notice.To.Mailboxes.Single().Address);
        Assert.Contains("<strong>asha</strong>", notice.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("token=", notice.HtmlBody, StringComparison.Ordinal);

        // Tried again within the hour: the same answer, no second notice; after the hour, a new one.
        Assert.Equal(fresh.ToJson(), (await app.QueryAsync(Register, variables: Input("again", "asha@example.edu", "1AB21CS004"))).ToJson());
        await app.DeliverMailAsync();
        Assert.Single(app.Mailbox(), m => m.Subject?.StartsWith("Someone tried", StringComparison.Ordinal) == true);
        app.Users.Time.Advance(TimeSpan.FromHours(1));
        await app.QueryAsync(Register, variables: Input("later", "asha@example.edu", "1AB21CS005"));
        await app.DeliverMailAsync();
        Assert.Equal(2, app.Mailbox().Count(m => m.Subject?.StartsWith("Someone tried", StringComparison.Ordinal) == true));

        await using var check = await app.Users.CreateDbContextAsync();
        Assert.Equal(3, await check.AuditLog.CountAsync(a => a.Action == "user.registration_attempted", ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_taken_username_or_USN_is_reported_alike_whether_or_not_the_email_is_registered(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider);
        Assert.Empty((await app.RegisterAsync("asha", "asha@example.edu", "1ab21cs001")).UserErrorCodes("registerStudent"));

        var takenNameKnownEmail = await app.QueryAsync(Register, variables: Input("Asha", "asha@example.edu", "1AB21CS009"));
        var takenNameNewEmail = await app.QueryAsync(Register, variables: Input("Asha", "other@example.edu", "1AB21CS009"));
        Assert.Equal(["USERNAME_TAKEN"], takenNameNewEmail.UserErrorCodes("registerStudent"));
        Assert.Equal(takenNameNewEmail.ToJson(), takenNameKnownEmail.ToJson());

        var takenUsnKnownEmail = await app.QueryAsync(Register, variables: Input("fresh1", "asha@example.edu", "1ab21CS001"));
        var takenUsnNewEmail = await app.QueryAsync(Register, variables: Input("fresh1", "other@example.edu", "1ab21CS001"));
        Assert.Equal(["USN_TAKEN"], takenUsnNewEmail.UserErrorCodes("registerStudent"));
        Assert.Equal(takenUsnNewEmail.ToJson(), takenUsnKnownEmail.ToJson());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Both_answers_cost_one_password_hash(string provider)
    {
        await using var app = await AccountsApp.StartAsync(provider);
        Assert.Empty((await app.RegisterAsync("asha", "asha@example.edu", "1ab21cs001")).UserErrorCodes("registerStudent"));
        using var hashes = new HashCounter();

        var existing = await TracedAsync(app, Input("someone", "asha@example.edu", "1AB21CS002"));
        var fresh = await TracedAsync(app, Input("newbie", "newbie@example.edu", "1AB21CS003"));

        Assert.Equal(fresh.Body.ToJson(), existing.Body.ToJson());
        Assert.Equal(1, hashes.In(existing.Trace));
        Assert.Equal(1, hashes.In(fresh.Trace));
    }

    private static object Input(string username, string email, string usn) => new
    {
        input = new { username, email, password = "Secret#2026", usn, firstName = "Asha", lastName = "Rao", department = "CSE", semester = 3, admissionType = "REGULAR" },
    };

    /// <summary>Sends the request as the child of a new W3C trace, so that its spans can be told from other tests'.</summary>
    private static async Task<(JsonObject Body, ActivityTraceId Trace)> TracedAsync(AccountsApp app, object variables)
    {
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = Register, variables }) };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await app.Users.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        return (body, trace);
    }

    /// <summary>Counts the <c>password.hash</c> spans of the Users module per trace.</summary>
    private sealed class HashCounter : IDisposable
    {
        private readonly ConcurrentDictionary<ActivityTraceId, int> counts = new();
        private readonly ActivityListener listener;

        public HashCounter()
        {
            listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name is PasswordHashing.ActivitySourceName or "Microsoft.AspNetCore",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (activity.Source.Name == PasswordHashing.ActivitySourceName && activity.OperationName == "password.hash")
                    {
                        counts.AddOrUpdate(activity.TraceId, 1, (_, n) => n + 1);
                    }
                },
            };
            ActivitySource.AddActivityListener(listener);
        }

        public int In(ActivityTraceId trace) => counts.GetValueOrDefault(trace);

        public void Dispose() => listener.Dispose();
    }
}
