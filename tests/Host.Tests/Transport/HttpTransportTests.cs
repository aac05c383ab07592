using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Shared.GraphQL;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Transport;

public sealed class HttpTransportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Typename_query_answers_on_each_provider(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var client = app.CreateClient();

        var (response, body) = await client.PostGraphQLAsync("{ __typename }");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", body.ToJson());
    }

    [Fact]
    public async Task Get_runs_queries_with_variables_from_the_query_string()
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();

        var query = Uri.EscapeDataString("query Q($id: ID!) { node(id: $id) { id } }");
        var variables = Uri.EscapeDataString("""{"id":"VXNlcjox"}""");
        using var response = await client.GetAsync($"/graphql?query={query}&variables={variables}&operationName=Q", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"node":null}}""", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_mutation_by_get_is_refused_with_405_and_allow_post()
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { __typename }"), Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Other_methods_are_refused_with_405()
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();

        using var response = await client.PutAsync("/graphql", new StringContent("{}", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.Order());
    }

    [Fact]
    public async Task Head_does_not_execute_operations()
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Head, "/graphql?query=" + Uri.EscapeDataString("{ __typename }"));

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/json", "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("application/json;q=0.5, application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/graphql-response+json;q=0.2, application/json;q=0.9", "application/json")]
    public async Task The_response_media_type_follows_accept(string accept, string expected)
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();

        var (response, _) = await client.PostGraphQLAsync("{ __typename }", accept: accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unacceptable_accept_header_gets_406()
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();

        var (response, body) = await client.PostGraphQLAsync("{ __typename }", accept: "application/xml");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("NOT_ACCEPTABLE", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/json; charset=latin1")]
    public async Task Other_content_types_get_415(string contentType)
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"query":"{ __typename }"}"""));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await client.PostAsync("/graphql", content, Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_above_the_configured_limit_gets_413(bool withContentLength)
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["GraphQL:MaxRequestBodyBytes"] = "1000" });
        using var client = app.CreateClient();
        var query = "{ __typename }" + new string(' ', 2000);
        using HttpContent content = withContentLength
            ? new StringContent(new JsonObject { ["query"] = query }.ToJsonString(), Encoding.UTF8, "application/json")
            : new StreamContent(new ChunkedStream(Encoding.UTF8.GetBytes(new JsonObject { ["query"] = query }.ToJsonString())));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync("/graphql", content, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_within_the_limit_runs_with_or_without_a_content_length(bool withContentLength)
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["GraphQL:MaxRequestBodyBytes"] = "40000" });
        using var client = app.CreateClient();
        var query = "{ __typename }" + new string(' ', 36000); // more than one 16 KiB chunk
        var json = new JsonObject { ["query"] = query }.ToJsonString();
        using HttpContent content = withContentLength
            ? new StringContent(json, Encoding.UTF8, "application/json")
            : new StreamContent(new ChunkedStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync("/graphql", content, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Unknown_body_keys_are_ignored()
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();
        using var content = new StringContent("""{"query":"{ __typename }","somethingElse":[1,2],"extensions":{"x":1}}""", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/graphql", content, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("application/graphql-response+json", "{ nope }", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "{ nope }", HttpStatusCode.OK)]
    [InlineData("application/graphql-response+json", "{", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "{", HttpStatusCode.OK)]
    public async Task Request_errors_use_the_status_codes_of_the_spec(string accept, string query, HttpStatusCode expected)
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();

        var (response, body) = await client.PostGraphQLAsync(query, accept: accept);

        Assert.Equal(expected, response.StatusCode);
        Assert.False(body.ContainsKey("data"));
        Assert.NotEmpty(body["errors"]!.AsArray());
    }

    [Fact]
    public async Task Malformed_json_gets_400()
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();
        using var content = new StringContent("""{"query":""", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/graphql", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Execution_is_cancelled_when_the_client_goes_away()
    {
        var probe = new SlowFieldProbe();
        await using var app = await TestApp.StartAsync(configureServices: s =>
        {
            s.AddSingleton(probe);
            s.AddSingleton<IGraphQLModule, SlowFieldModule>();
        });
        var baseUri = app.StartKestrel();
        using var client = new HttpClient { BaseAddress = baseUri };
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        using var content = new StringContent("""{"query":"{ slow }"}""", Encoding.UTF8, "application/json");

        var request = client.PostAsync("/graphql", content, cts.Token);
        await probe.Started.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        Assert.True(await probe.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct));
    }

    internal sealed class SlowFieldProbe
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<bool> Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>A test-only module with a field that runs until its request is cancelled.</summary>
    internal sealed class SlowFieldModule(SlowFieldProbe probe) : IGraphQLModule
    {
        public string Name => "SlowTest";

        public void AddQueryFields(ObjectGraphType query) =>
            query.Field<StringGraphType>("slow").AllowAnonymous().ResolveAsync(async context =>
            {
                probe.Started.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, context.CancellationToken);
                }
                catch (OperationCanceledException)
                {
                    probe.Cancelled.TrySetResult(true);
                    throw;
                }

                return "never";
            });
    }

    /// <summary>A stream without a known length, so the body is sent chunked.</summary>
    private sealed class ChunkedStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
