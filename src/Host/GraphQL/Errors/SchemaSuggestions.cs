using System.Text.RegularExpressions;
using GraphQL;

namespace CertifyTrack.Host.GraphQL.Errors;

/// <summary>
/// Removes graphql-dotnet's "Did you mean 'users' or 'user'?" from error messages. With
/// introspection off, those suggestions would hand out the schema's field, argument and type
/// names one typo at a time.
/// </summary>
internal static partial class SchemaSuggestions
{
    public static void Strip(ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Errors is not { Count: > 0 } errors)
        {
            return;
        }

        var stripped = new ExecutionErrors();
        foreach (var error in errors)
        {
            stripped.Add(Without(error));
        }

        result.Errors = stripped;
    }

    private static ExecutionError Without(ExecutionError error)
    {
        var message = Suggestion().Replace(error.Message, "");
        if (message.Length == error.Message.Length)
        {
            return error;
        }

        var copy = new ExecutionError(message) { Code = error.Code, Path = error.Path, Extensions = error.Extensions };
        foreach (var location in error.Locations ?? [])
        {
            copy.AddLocation(location);
        }

        return copy;
    }

    // Names cannot hold '?', so a suggestion ends at the first '?' (or at the end of the message).
    [GeneratedRegex(@"\s*Did you mean [^?]*(\?|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Suggestion();
}
