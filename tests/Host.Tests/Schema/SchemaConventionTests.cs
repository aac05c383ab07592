using CertifyTrack.Host.Tests.Infrastructure;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Schema;

/// <summary>Conventions every module's schema contribution must follow.</summary>
public sealed class SchemaConventionTests
{
    [Fact]
    public async Task Every_field_is_marked_for_authorization_on_itself_or_its_type()
    {
        await using var app = await TestApp.StartAsync();
        var schema = app.Services.GetRequiredService<ISchema>();

        var unmarked = UnmarkedFields(schema).ToList();

        Assert.True(unmarked.Count == 0,
            "These fields would be refused to everyone (default deny); mark them or their type with AllowAnonymous, Authorize, AuthorizeWithRoles or AuthorizeWithPolicy:\n"
            + string.Join('\n', unmarked));
    }

    [Fact]
    public async Task Every_mutation_follows_verbNoun_input_payload()
    {
        await using var app = await TestApp.StartAsync();
        var schema = app.Services.GetRequiredService<ISchema>();

        var violations = MutationConventions.Violations(schema).ToList();

        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    internal static IEnumerable<string> UnmarkedFields(ISchema schema) =>
        from type in schema.AllTypes.OfType<IComplexGraphType>()
        where type is not IInputObjectGraphType && !type.Name.StartsWith("__", StringComparison.Ordinal)
        from field in type.Fields
        where !IsMarked(field) && !IsMarked(type)
        select $"{type.Name}.{field.Name}";

    private static bool IsMarked(IMetadataReader metadata) => metadata.IsAnonymousAllowed() || metadata.IsAuthorizationRequired();
}
