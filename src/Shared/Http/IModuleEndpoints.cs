using Microsoft.AspNetCore.Routing;

namespace CertifyTrack.Shared.Http;

/// <summary>
/// Plain HTTP endpoints a module serves beside <c>/graphql</c> (file downloads, CSV exports).
/// Register one per module (<c>services.AddSingleton&lt;IModuleEndpoints, UsersEndpoints&gt;()</c>);
/// the host maps them all at start-up. Each endpoint checks its own authorization.
/// </summary>
public interface IModuleEndpoints
{
    void MapEndpoints(IEndpointRouteBuilder endpoints);
}
