using System.Net;
using CertifyTrack.Host.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace CertifyTrack.Host.Tests.Mutations;

public sealed class UnexpectedErrorTests
{
    [Theory]
    [InlineData("""mutation { createWidget(input: { name: "boom", quantity: 1 }) { userErrors { code } } }""")]
    [InlineData("{ explode }")]
    public async Task Unexpected_exceptions_are_logged_and_answered_masked_with_a_correlation_id(string query)
    {
        var logs = new CapturingLoggerProvider();
        await using var app = await MutationConventionTests.StartAsync(logs);
        using var client = app.CreateClient();

        var (response, body) = await client.PostGraphQLAsync(query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = Assert.Single(body["errors"]!.AsArray())!;
        var id = error["extensions"]!["correlationId"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal($"An unexpected error occurred. Reference: {id}", error["message"]!.GetValue<string>());
        Assert.Equal("""{"code":"INTERNAL_SERVER_ERROR","correlationId":"ID"}""", error["extensions"].ToJson().Replace(id, "ID", StringComparison.Ordinal));
        var text = body.ToJson();
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperation", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("INVALID_OPERATION", text, StringComparison.Ordinal);

        var logged = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(id, StringComparison.Ordinal));
        Assert.IsType<InvalidOperationException>(logged.Exception);
    }
}
