using System.Security.Claims;
using System.Text.Encodings.Web;
using CertifyTrack.Benchmarks.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CertifyTrack.UserImport.Benchmarks;

/// <summary>Signs in user 1 with the admin role; the benchmark measures the import, not sign-in.</summary>
internal sealed class AdminScheme(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "Bench";

    /// <summary>The real host on a given database, with this scheme signing every request in as an admin.</summary>
    public static BenchHost Host(string provider, string connectionString) =>
        new BenchHost(provider, connectionString).Configure(builder => builder.ConfigureTestServices(services => services
            .AddAuthentication(Name).AddScheme<AuthenticationSchemeOptions, AdminScheme>(Name, null)));

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var identity = new ClaimsIdentity([new Claim("sub", "1"), new Claim("role", "admin")], Name, "sub", "role");
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Name)));
    }
}
