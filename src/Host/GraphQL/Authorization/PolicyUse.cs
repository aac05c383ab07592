namespace CertifyTrack.Host.GraphQL.Authorization;

/// <summary>
/// Put in a request's user context under <see cref="Key"/>: set by <see cref="AuthorizationValidationRule"/>
/// when the request's validation evaluated a field policy, whose answer may depend on anything about the
/// caller (any claim, a service), so the validation's verdict must not be reused for another caller.
/// </summary>
internal sealed class PolicyUse
{
    public const string Key = "certifytrack:policyUse";

    public bool Consulted { get; set; }
}
