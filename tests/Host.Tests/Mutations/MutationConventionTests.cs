using System.Net;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Host.Tests.Schema;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Types;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Mutations;

public sealed class MutationConventionTests
{
    private const string Create = """
        mutation M($input: CreateWidgetInput!) {
          createWidget(input: $input) { widget { name quantity } userErrors { code message field } }
        }
        """;

    [Fact]
    public async Task A_successful_mutation_returns_the_changed_object_and_no_user_errors()
    {
        await using var app = await StartAsync();
        using var client = app.CreateClient();

        var (response, body) = await client.PostGraphQLAsync(Create, new { input = new { name = "Gear", quantity = 3 } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"createWidget":{"widget":{"name":"Gear","quantity":3},"userErrors":[]}}}""", body.ToJson());
    }

    [Fact]
    public async Task Rule_failures_are_user_errors_in_the_payload_not_top_level_errors()
    {
        await using var app = await StartAsync();
        using var client = app.CreateClient();

        var (response, body) = await client.PostGraphQLAsync(Create, new { input = new { name = " ", quantity = 11 } });
        var (_, single) = await client.PostGraphQLAsync(Create, new { input = new { name = "full", quantity = 1 } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            """{"data":{"createWidget":{"widget":null,"userErrors":[{"code":"NAME_REQUIRED","message":"Give the widget a name.","field":["input","name"]},{"code":"TOO_MANY","message":"At most 10 widgets at once.","field":["input","quantity"]}]}}}""",
            body.ToJson());
        Assert.Equal("""{"data":{"createWidget":{"widget":null,"userErrors":[{"code":"WAREHOUSE_FULL","message":"The warehouse is full.","field":null}]}}}""", single.ToJson());
    }

    [Fact]
    public async Task The_mutation_field_is_authorized_like_any_other()
    {
        await using var app = await StartAsync();
        using var client = app.CreateClient();
        const string delete = """mutation { deleteWidget(input: { name: "Gear" }) { deletedName userErrors { code } } }""";

        var (_, anonymous) = await client.PostGraphQLAsync(delete);
        var (_, student) = await client.PostGraphQLAsync(delete, token: TestAuthenticationHandler.Token("7", "student"));
        var (_, admin) = await client.PostGraphQLAsync(delete, token: TestAuthenticationHandler.Token("1", "admin"));

        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes());
        Assert.Equal(["FORBIDDEN"], student.ErrorCodes());
        Assert.Equal("""{"data":{"deleteWidget":{"deletedName":"Gear","userErrors":[]}}}""", admin.ToJson());
    }

    [Fact]
    public async Task The_helper_declares_verbNoun_input_payload_with_user_errors()
    {
        await using var app = await StartAsync();
        var schema = app.Services.GetRequiredService<ISchema>();

        var sdl = schema.Print();

        Assert.Empty(MutationConventions.Violations(schema));
        Assert.Empty(SchemaConventionTests.UnmarkedFields(schema));
        Assert.Contains("createWidget(input: CreateWidgetInput!): CreateWidgetPayload!", sdl, StringComparison.Ordinal);
        Assert.Contains("userErrors: [UserError!]!", sdl, StringComparison.Ordinal);
        Assert.Contains("type UserError {", sdl, StringComparison.Ordinal);
        Assert.Contains("field: [String!]", sdl, StringComparison.Ordinal);
    }

    internal static Task<TestApp> StartAsync(CapturingLoggerProvider? logs = null) =>
        TestApp.StartAsync(configureServices: s =>
        {
            s.AddTestAuthentication();
            s.AddSingleton<IGraphQLModule, WidgetTestModule>();
            s.AddGraphTypeMapping<WidgetTestModule.Widget, WidgetTestModule.WidgetType>();
            if (logs is not null)
            {
                s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs);
            }
        });
}
