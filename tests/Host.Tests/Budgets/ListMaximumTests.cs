using CertifyTrack.Host.Tests.Conventions.Library;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Shared.GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Budgets;

/// <summary>Every list argument and list input field declares a maximum, enforced for literals and variables before execution.</summary>
public sealed class ListMaximumTests
{
    [Fact]
    public async Task Every_list_argument_and_list_input_field_of_the_schema_declares_a_maximum()
    {
        await using var library = await LibraryApp.StartAsync("sqlite"); // the real modules plus the test Library module
        var schema = library.App.Services.GetRequiredService<ISchema>();

        var unbounded = UnboundedLists(schema).ToList();

        Assert.True(unbounded.Count == 0,
            "These lists take any number of items; declare a maximum with .MaxItems(n) (Shared/GraphQL/ListLimits):\n" + string.Join('\n', unbounded));
        Assert.Contains("Query.nodes(ids:)", AllLists(schema));
        Assert.Contains("AuthorFilter.or", AllLists(schema));
    }

    [Theory]
    [InlineData(100, null)]
    [InlineData(101, "TOO_MANY_ITEMS")]
    public async Task Nodes_takes_at_most_100_ids_by_literal_or_variable(int count, string? code)
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();
        var ids = Enumerable.Range(0, count).Select(i => $"id{i}").ToArray();

        var (_, literal) = await client.PostGraphQLAsync("{ nodes(ids: [" + string.Join(", ", ids.Select(i => $"\"{i}\"")) + "]) { id } }");
        var (_, variable) = await client.PostGraphQLAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids });
        var (_, twice) = await client.PostGraphQLAsync("query($ids: [ID!]!) { a: nodes(ids: $ids) { id } b: nodes(ids: $ids) { id } }", new { ids });

        // Within the maximum the resolver runs (and finds the made-up ids invalid).
        Assert.Equal([code ?? "INVALID_ID"], literal.ErrorCodes().Distinct());
        Assert.Equal([code ?? "INVALID_ID"], variable.ErrorCodes().Distinct());
        Assert.Equal(code is null ? ["INVALID_ID"] : [code], twice.ErrorCodes().Distinct()); // one error: a variable is checked once
        if (code is not null)
        {
            Assert.Contains("'ids' of 'nodes' takes at most 100 items; 101 were given.", variable.ErrorMessages(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Filter_in_lists_and_sort_terms_have_maxima_checked_before_any_sql(string provider)
    {
        await using var library = await LibraryApp.StartAsync(provider);
        var values = Enumerable.Range(0, 101).Select(i => $"n{i}").ToArray();

        var tooManyValues = await library.QueryAsync("query($w: AuthorFilter) { authors(where: $w) { nodes { name } } }", new { w = new { name = new { @in = values } } });
        var nestedLiteral = await library.QueryAsync("{ authors(where: { and: [{ or: [{ birthYear: { in: [" + string.Join(", ", Enumerable.Range(0, 101)) + "] } }] }] }) { nodes { name } } }");
        var tooManyTerms = await library.QueryAsync("{ authors(order: [" + string.Join(", ", Enumerable.Repeat("{ name: ASC }", 11)) + "]) { nodes { name } } }");

        Assert.Equal(["TOO_MANY_ITEMS"], tooManyValues.ErrorCodes());
        Assert.Equal(["TOO_MANY_ITEMS"], nestedLiteral.ErrorCodes());
        Assert.Contains("'where.and.0.or.0.birthYear.in' of 'authors'", nestedLiteral.ErrorMessages(), StringComparison.Ordinal);
        Assert.Equal(["TOO_MANY_ITEMS"], tooManyTerms.ErrorCodes());
        Assert.Empty(library.Sql.Statements);
    }

    internal static IEnumerable<string> UnboundedLists(ISchema schema) =>
        Lists(schema).Where(l => l.Max is null).Select(l => l.Name);

    private static List<string> AllLists(ISchema schema) => [.. Lists(schema).Select(l => l.Name)];

    private static IEnumerable<(string Name, int? Max)> Lists(ISchema schema)
    {
        foreach (var type in schema.AllTypes.OfType<IComplexGraphType>().Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal)))
        {
            foreach (var field in type.Fields)
            {
                if (type is IInputObjectGraphType)
                {
                    if (IsList(field.ResolvedType))
                    {
                        yield return ($"{type.Name}.{field.Name}", field.GetMaxItems());
                    }

                    continue;
                }

                foreach (var argument in field.Arguments?.Where(a => IsList(a.ResolvedType)) ?? [])
                {
                    yield return ($"{type.Name}.{field.Name}({argument.Name}:)", argument.GetMaxItems());
                }
            }
        }

        foreach (var directive in schema.Directives)
        {
            foreach (var argument in directive.Arguments?.Where(a => IsList(a.ResolvedType)) ?? [])
            {
                yield return ($"@{directive.Name}({argument.Name}:)", argument.GetMaxItems());
            }
        }
    }

    private static bool IsList(IGraphType? type) => type switch
    {
        NonNullGraphType nonNull => IsList(nonNull.ResolvedType),
        ListGraphType => true,
        _ => false,
    };
}
