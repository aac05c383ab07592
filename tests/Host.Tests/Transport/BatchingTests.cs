using System.Net;
using System.Text;
using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Transport;

public sealed class BatchingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("application/graphql-response+json")]
    [InlineData("application/json")]
    public async Task A_batch_is_answered_by_an_array_in_the_same_order(string accept)
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();
        object[] batch =
        [
            new { query = "query A { a: __typename }" },
            new { query = "{ nope }" },
            new { query = "query B($id: ID!) { node(id: $id) { id } }", variables = new { id = "VXNlcjox" } },
            new { notQuery = true },
        ];

        var (response, body) = await client.PostJsonAsync(batch, accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(accept, response.Content.Headers.ContentType?.MediaType);
        var items = body!.AsArray();
        Assert.Equal(4, items.Count);
        Assert.Equal("""{"data":{"a":"Query"}}""", items[0].ToJson());
        Assert.Equal(["FIELDS_ON_CORRECT_TYPE"], items[1].ErrorCodes());
        Assert.Equal("""{"data":{"node":null}}""", items[2].ToJson());
        Assert.Equal(["MISSING_QUERY"], items[3].ErrorCodes());
    }

    [Theory]
    [InlineData(null, 10, HttpStatusCode.OK)]
    [InlineData(null, 11, HttpStatusCode.BadRequest)]
    [InlineData("1", 1, HttpStatusCode.OK)]
    [InlineData("1", 2, HttpStatusCode.BadRequest)]
    public async Task Batches_above_max_batch_size_are_refused(string? maxBatchSize, int size, HttpStatusCode expected)
    {
        var settings = new Dictionary<string, string?>();
        if (maxBatchSize is not null)
        {
            settings["GraphQL:MaxBatchSize"] = maxBatchSize;
        }

        await using var app = await TestApp.StartAsync(settings: settings);
        using var client = app.CreateClient();

        var (response, body) = await client.PostJsonAsync(Enumerable.Repeat(new { query = "{ __typename }" }, size).ToArray());

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal(size, body!.AsArray().Count);
        }
        else
        {
            Assert.Equal(["BATCH_TOO_LARGE"], body.ErrorCodes());
        }
    }

    [Fact]
    public async Task An_empty_batch_is_refused()
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();
        using var content = new StringContent("[]", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/graphql", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
