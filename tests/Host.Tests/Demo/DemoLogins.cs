using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CertifyTrack.Host.Tests.Demo;

/// <summary>Reads the login table <c>--seed-demo</c> prints, and signs in with its rows.</summary>
internal static partial class DemoLogins
{
    /// <summary>Username → (role, password), from the rows of the printed table.</summary>
    public static Dictionary<string, (string Role, string Password)> Parse(string output) =>
        Row().Matches(output).ToDictionary(m => m.Groups["user"].Value, m => (m.Groups["role"].Value, m.Groups["password"].Value));

    /// <summary>The password grant (on in Development), as a script would sign in.</summary>
    public static async Task<string> SignInAsync(HttpClient client, string username, string password)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "certifytrack-web",
            ["username"] = username,
            ["password"] = password,
            ["scope"] = "openid",
        });
        using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), form, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{username}: {(int)response.StatusCode} {body}");
        return body!["access_token"]!.GetValue<string>();
    }

    [GeneratedRegex(@"^(?<user>[a-z]+\.(?:mentor|student)\d+) +(?<role>student|mentor) +(?<password>\S+) +\S.*$", RegexOptions.Multiline)]
    private static partial Regex Row();
}
