using System.Security.Claims;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Authorization;

namespace CertifyTrack.Host.GraphQL.Authorization;

/// <summary>The outcome of checking one selected field.</summary>
internal enum AccessDecision
{
    Allowed,
    Unauthenticated,
    Forbidden,
}

/// <summary>
/// Decides whether the caller may select a field, from graphql-dotnet's authorization metadata:
/// the field's own metadata when it has any, else its parent type's, else nothing (default deny).
/// <c>AllowAnonymous</c> lets anyone in; otherwise the caller must be signed in, hold one of
/// the roles (when roles are given) and satisfy every policy (when policies are given).
/// A refused anonymous caller is <see cref="AccessDecision.Unauthenticated"/>, a refused
/// signed-in caller <see cref="AccessDecision.Forbidden"/>. Policy results are cached per request.
/// Without policies the decision reads only whether the caller is signed in and their role claims
/// (<see cref="Documents.CallerKey"/>); <see cref="ConsultedPolicy"/> tells when it read more.
/// </summary>
internal sealed class FieldAccess(ClaimsPrincipal? user, IServiceProvider? services)
{
    private readonly Dictionary<string, bool> policyResults = new(StringComparer.Ordinal);
    private readonly bool signedIn = user?.Identities.Any(i => i.IsAuthenticated) == true;

    /// <summary>Whether a policy was evaluated: it may read any claim or service, so the decisions belong to this caller alone.</summary>
    public bool ConsultedPolicy { get; private set; }

    public async ValueTask<AccessDecision> DecideAsync(FieldType field, IGraphType parentType)
    {
        IMetadataReader? rules = IsMarked(field) ? field : IsMarked(parentType) ? parentType : null;
        if (rules?.IsAnonymousAllowed() == true)
        {
            return AccessDecision.Allowed;
        }

        var refused = signedIn ? AccessDecision.Forbidden : AccessDecision.Unauthenticated;
        if (rules is null || !signedIn)
        {
            return refused;
        }

        var roles = rules.GetRoles();
        if (roles is { Count: > 0 } && !roles.Exists(user!.IsInRole))
        {
            return refused;
        }

        foreach (var policy in rules.GetPolicies() ?? [])
        {
            if (!await SatisfiesAsync(policy))
            {
                return refused;
            }
        }

        return AccessDecision.Allowed;
    }

    private static bool IsMarked(IMetadataReader metadata) => metadata.IsAnonymousAllowed() || metadata.IsAuthorizationRequired();

    private async ValueTask<bool> SatisfiesAsync(string policy)
    {
        ConsultedPolicy = true;
        if (!policyResults.TryGetValue(policy, out var satisfied))
        {
            var authorization = services?.GetService<IAuthorizationService>()
                ?? throw new InvalidOperationException("Field policies need ASP.NET Core authorization (services.AddAuthorization()).");
            satisfied = (await authorization.AuthorizeAsync(user!, null, policy)).Succeeded;
            policyResults[policy] = satisfied;
        }

        return satisfied;
    }
}
