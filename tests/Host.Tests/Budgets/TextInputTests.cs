using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Conventions.Library;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Host.Tests.Users;

namespace CertifyTrack.Host.Tests.Budgets;

/// <summary>
/// Control characters (C0 but tab, line feed and carriage return; DEL; C1) and unpaired
/// surrogates are refused in every text input, literal or variable, with <c>INVALID_TEXT</c>
/// naming the argument and field; a NUL once reached PostgreSQL and came back as a masked fault.
/// </summary>
public sealed class TextInputTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Control_characters_and_lone_surrogates_are_refused_in_literals_and_variables_before_any_sql(string provider)
    {
        await using var library = await LibraryApp.StartAsync(provider);
        await library.AddAsync(new Author { Name = "tab\there", IsActive = true });

        foreach (var bad in new[] { "\0", "\u0001", "\u001B", "\u007F", "\u0085", "\u009F", "\uD800", "\uDC00", "a\uDBFFb" })
        {
            // JSON and GraphQL strings both take \uXXXX escapes; serializers would replace a lone surrogate, so write them by hand.
            var escaped = string.Concat(bad.Select(c => $"\\u{(int)c:X4}"));
            var variable = await RawAsync(library.Client, """{"query":"query($n: String) { authors(where: { name: { contains: $n } }) { nodes { name } } }","variables":{"n":"x""" + escaped + "\"}}");
            if (bad.Any(char.IsSurrogate))
            {
                // The JSON reader refuses an unpaired surrogate escape before GraphQL sees the request.
                Assert.True(variable.ErrorCodes() is ["INVALID_JSON"], $"U+{(int)bad[^1]:X4}: {variable.ToJson()}");
            }
            else
            {
                Assert.True(variable.ErrorCodes() is ["INVALID_TEXT"], $"U+{(int)bad[^1]:X4}: {variable.ToJson()}");
                Assert.Contains("'where.name.contains' of 'authors'", variable.ErrorMessages(), StringComparison.Ordinal);
            }

            var literal = await library.QueryAsync($"{{ authors(where: {{ or: [{{ city: {{ in: [\"ok\", \"x{escaped}\"] }} }}] }}) {{ nodes {{ name }} }} }}");
            Assert.True(literal.ErrorCodes() is ["INVALID_TEXT"], $"U+{(int)bad[^1]:X4}: {literal.ToJson()}");
            Assert.Contains("'where.or.0.city.in.1' of 'authors'", literal.ErrorMessages(), StringComparison.Ordinal);
            Assert.Empty(library.Sql.Statements);
        }

        var allowed = await library.QueryAsync("query($n: String) { authors(where: { name: { eq: $n } }) { nodes { name } } }", new JsonObject { ["n"] = "TAB\tHERE" });
        Assert.Equal("""{"data":{"authors":{"nodes":[{"name":"tab\there"}]}}}""", allowed.ToJson());
        var emoji = await library.QueryAsync("{ authors(where: { name: { contains: \"\\uD83D\\uDE00 \\r\\n\" } }) { nodes { name } } }");
        Assert.Equal("""{"data":{"authors":{"nodes":[]}}}""", emoji.ToJson());
    }

    [Fact]
    public async Task An_unpaired_surrogate_escape_in_the_request_json_is_a_400_or_a_4400_close_never_a_fault()
    {
        await using var app = await TestApp.StartAsync();
        var baseUri = app.StartKestrel();
        using var client = app.CreateClient();

        var inQuery = await RawAsync(client, """{"query":"{ __typename } # \ud800"}""");
        var inOperationName = await RawAsync(client, """{"query":"query A { __typename }","operationName":"A\udc00"}""");
        Assert.Equal(["INVALID_JSON"], inQuery.ErrorCodes());
        Assert.Equal(["INVALID_JSON"], inOperationName.ErrorCodes());

        using var socket = await WebSocketTestClient.ConnectAsync(baseUri);
        await socket.InitAsync();
        await socket.SendAsync("""{"id":"1","type":"subscribe","payload":{"query":"query($n: String) { node(id: $n) { id } }","variables":{"n":"\ud800"}}}""");
        Assert.Equal(4400, (await socket.ReceiveCloseAsync()).Code);
    }

    private static async Task<JsonNode> RawAsync(HttpClient client, string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/graphql", UriKind.Relative), content, TestContext.Current.CancellationToken);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_nul_in_a_mutation_input_is_a_validation_error_not_a_masked_fault(string provider)
    {
        await using var app = await UsersApp.StartAsync(provider);
        var (_, admin) = await app.AdminAsync();
        const string Create = "mutation($input: CreateUserInput!) { createUser(input: $input) { user { username } userErrors { code } } }";

        var body = await app.QueryAsync(Create, admin, new { input = new
        {
            username = "asha", email = "asha@example.edu", firstName = "As\0ha", lastName = "Rao", userType = "MENTOR",
            employeeId = "EMP9", department = "CSE",
        } });

        Assert.Equal(["INVALID_TEXT"], body.ErrorCodes());
        Assert.Contains("'input.firstName' of 'createUser'", body.ErrorMessages(), StringComparison.Ordinal);
        await using var db = await app.CreateDbContextAsync();
        Assert.DoesNotContain(db.Users, u => u.Username == "asha");
    }
}
