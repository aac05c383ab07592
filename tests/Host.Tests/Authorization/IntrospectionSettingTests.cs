using System.Net;
using CertifyTrack.Host.Tests.Infrastructure;

namespace CertifyTrack.Host.Tests.Authorization;

public sealed class IntrospectionSettingTests
{
    [Fact]
    public async Task With_introspection_off_schema_and_type_are_refused_but_typename_works()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["GraphQL:EnableIntrospection"] = "false" });
        using var client = app.CreateClient();

        var (schemaResponse, schema) = await client.PostGraphQLAsync("{ __schema { queryType { name } } }");
        var (_, type) = await client.PostGraphQLAsync("{ __type(name: \"Query\") { name } }");
        var (_, typename) = await client.PostGraphQLAsync("{ __typename }");

        Assert.Equal(HttpStatusCode.BadRequest, schemaResponse.StatusCode);
        Assert.Equal(["INTROSPECTION_DISABLED"], schema.ErrorCodes());
        Assert.Equal(["INTROSPECTION_DISABLED"], type.ErrorCodes());
        Assert.Equal("""{"data":{"__typename":"Query"}}""", typename.ToJson());
    }
}
