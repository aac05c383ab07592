using CertifyTrack.Shared.GraphQL.Errors;

namespace CertifyTrack.Host.Integration.GraphQL;

/// <summary>The codes of the integration-event admin fields (an unknown id is <see cref="PlatformErrorCodes.NotFound"/>).</summary>
[ErrorCodeCatalog]
internal static class IntegrationErrorCodes
{
    public const string NotFailed = "NOT_FAILED";
}
