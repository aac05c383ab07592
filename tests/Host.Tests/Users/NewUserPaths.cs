using System.Globalization;
using System.Text.Json.Nodes;

namespace CertifyTrack.Host.Tests.Users;

/// <summary>
/// The three ways a user is created over GraphQL — <c>registerStudent</c>, <c>createUser</c>, <c>importUsers</c>
/// (dry run) — each with a fresh email and USN, answering the user errors as <c>"CODE field"</c>
/// (the last element of the field path: <c>username</c>, <c>firstName</c>, <c>first_name</c>).
/// </summary>
internal sealed class NewUserPaths(AccountsApp app, string adminToken)
{
    public static readonly string[] Names = ["registerStudent", "createUser", "importUsers"];

    private int next;

    public async Task<string[]> CreateAsync(string path, string username, string firstName = "Asha", string lastName = "Rao")
    {
        var n = Interlocked.Increment(ref next).ToString("D3", CultureInfo.InvariantCulture);
        var (email, usn) = ($"person{n}@example.edu", $"1AB21CS{n}");
        JsonNode payload = path switch
        {
            "registerStudent" => (await app.QueryAsync(
                "mutation($input: RegisterStudentInput!) { registerStudent(input: $input) { userErrors { code field } } }",
                variables: new { input = new { username, email, password = "Secret#2026", usn, firstName, lastName, department = "CSE", semester = 3, admissionType = "REGULAR" } }))["data"]!["registerStudent"]!,
            "createUser" => (await app.QueryAsync(
                "mutation($input: CreateUserInput!) { createUser(input: $input) { userErrors { code field } } }",
                adminToken, new { input = new { username, email, firstName, lastName, userType = "STUDENT", usn, department = "CSE", semester = 3 } }))["data"]!["createUser"]!,
            _ => (await app.QueryAsync(
                "mutation($csv: String!) { importUsers(input: { csv: $csv, dryRun: true }) { userErrors { code field } } }",
                adminToken, new { csv = $"username,email,first_name,last_name,user_type,usn,department,semester\n{Csv(username)},{email},{Csv(firstName)},{Csv(lastName)},student,{usn},CSE,3\n" }))["data"]!["importUsers"]!,
        };
        return [.. payload["userErrors"]!.AsArray().Select(e => $"{e!["code"]!.GetValue<string>()} {e["field"]!.AsArray()[^1]!.GetValue<string>()}")];
    }

    private static string Csv(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
