using System.Security.Claims;
using System.Text;

namespace CertifyTrack.Host.GraphQL.Documents;

/// <summary>
/// What a request's per-request validation reads besides the document, as a string, for requests
/// without variables: the operation's name and the caller as field authorization sees them when no
/// policy is involved (<see cref="Authorization.FieldAccess"/>): signed in or not, and the role claims
/// (of every identity, the claims of its <see cref="ClaimsIdentity.RoleClaimType"/>, as
/// <see cref="ClaimsPrincipal.IsInRole"/> reads them), sorted. Each part is length-prefixed, so no two
/// different requests share a key.
/// </summary>
internal static class CallerKey
{
    public static string Of(string? operationName, ClaimsPrincipal? user)
    {
        var key = new StringBuilder();
        Append(key, operationName ?? string.Empty);
        var identities = user?.Identities ?? [];
        key.Append(identities.Any(i => i.IsAuthenticated) ? 'S' : 'A');
        var roles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var identity in identities)
        {
            foreach (var claim in identity.Claims)
            {
                if (string.Equals(claim.Type, identity.RoleClaimType, StringComparison.OrdinalIgnoreCase))
                {
                    roles.Add(claim.Value);
                }
            }
        }

        foreach (var role in roles)
        {
            Append(key, role);
        }

        return key.ToString();
    }

    private static void Append(StringBuilder key, string part) => key.Append(part.Length).Append(':').Append(part);
}
