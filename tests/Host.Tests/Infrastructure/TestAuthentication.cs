using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Host.Tests.Infrastructure;

/// <summary>
/// A test-only bearer scheme until the Users module issues real tokens: the token
/// <c>test:{userId}:{role,role}</c> signs in that user with those roles (claims <c>sub</c> and
/// <c>role</c>). Anything else after <c>Bearer</c> fails authentication.
/// </summary>
public sealed class TestAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";

    public static string Token(string userId, params string[] roles) => $"test:{userId}:{string.Join(',', roles)}";

    public static ClaimsPrincipal? Parse(string token)
    {
        var parts = token.Split(':');
        if (parts.Length != 3 || parts[0] != "test" || parts[1].Length == 0)
        {
            return null;
        }

        var claims = new List<Claim> { new("sub", parts[1]) };
        claims.AddRange(parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => new Claim("role", r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, "sub", "role"));
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var principal = Parse(header["Bearer ".Length..]);
        return Task.FromResult(principal is null
            ? AuthenticateResult.Fail("Invalid test token.")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}

public static class TestAuthenticationExtensions
{
    /// <summary>Makes the test scheme the default, as the real token validation will be.</summary>
    public static IServiceCollection AddTestAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(TestAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TestAuthenticationHandler>(TestAuthenticationHandler.SchemeName, null);
        return services;
    }
}
