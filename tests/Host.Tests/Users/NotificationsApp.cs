using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Shared.GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Users;

/// <summary>Helpers of the notification tests: the Users host with <see cref="NotifyTestModule"/>.</summary>
internal static class NotificationsApp
{
    /// <summary>The outbox worker is off: the emails the notifier queues stay in <c>api_email_outbox</c> for the test to read.</summary>
    public static Task<UsersApp> StartAsync(string provider, bool kestrel = false) =>
        UsersApp.StartAsync(
            provider,
            kestrel: kestrel,
            settings: new Dictionary<string, string?> { ["Email:Outbox:RunWorker"] = "false", ["PublicBaseUrl"] = "https://certifytrack.example.edu" },
            configureServices: s => s.AddSingleton<IGraphQLModule, NotifyTestModule>());

    public static string Student(long id) => TestAuthenticationHandler.Token($"{id}", "student");

    /// <summary>Runs the test module's mutation; returns how many rows it wrote.</summary>
    public static async Task<int> NotifyAsync(this UsersApp app, string kind, string title, bool rollback = false, params long[] userIds)
    {
        var body = await app.QueryAsync(
            "mutation($ids: [Long!]!, $kind: String!, $title: String!, $rollback: Boolean) { testNotify(userIds: $ids, kind: $kind, title: $title, rollback: $rollback) }",
            variables: new { ids = userIds, kind, title, rollback });
        Assert.Empty(body.ErrorCodes());
        return body.Data("testNotify").GetValue<int>();
    }

    public static async Task<JsonArray> TitlesAsync(this UsersApp app, string token, string arguments = "")
    {
        var body = await app.QueryAsync($"{{ notifications{arguments} {{ totalCount nodes {{ id title isRead kind createdAt }} }} }}", token);
        Assert.Empty(body.ErrorCodes());
        return body.Data("notifications")["nodes"]!.AsArray();
    }
}
