using Microsoft.AspNetCore.Authentication;

namespace CertifyTrack.Host.Operations;

/// <summary>
/// The authentication middleware, with a short way for the API (<c>/graphql</c>). The framework's
/// middleware asks every request-handling scheme whether it owns the request before it authenticates:
/// OpenIddict's server matches the path against each of its endpoints (token, authorize, logout,
/// discovery, keys), which cost a <c>{ __typename }</c> request more CPU than GraphQL's own work
/// (benchmarks/README.md). No scheme owns an API path, and the API reads only a bearer token, so there:
/// no <c>Authorization</c> header means anonymous at once; a header runs only the default scheme (its own
/// request step first, where OpenIddict's validation prepares its state, then authenticate), as the
/// framework would have. Every other path goes through the framework's middleware unchanged.
/// </summary>
internal sealed class ApiAuthentication(RequestDelegate next, IAuthenticationSchemeProvider schemes)
{
    /// <summary>What <c>UseAuthentication()</c> records, so that the host does not add the middleware a second time.</summary>
    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    private static readonly PathString Api = "/graphql";

    private readonly AuthenticationMiddleware everyOtherPath = new(next, schemes);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(Api))
        {
            await everyOtherPath.Invoke(context);
            return;
        }

        if (context.Request.Headers.Authorization.Count > 0 && await schemes.GetDefaultAuthenticateSchemeAsync() is { } scheme)
        {
            var handlers = context.RequestServices.GetRequiredService<IAuthenticationHandlerProvider>();
            if (await handlers.GetHandlerAsync(context, scheme.Name) is IAuthenticationRequestHandler own && await own.HandleRequestAsync())
            {
                return;
            }

            var result = await context.AuthenticateAsync(scheme.Name);
            if (result.Principal is not null)
            {
                context.User = result.Principal;
            }
        }

        await next(context);
    }

    /// <summary>In place of <c>app.UseAuthentication()</c>.</summary>
    public static IApplicationBuilder Use(IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Properties[AuthenticationMiddlewareSetKey] = true;
        return app.UseMiddleware<ApiAuthentication>();
    }
}

internal static class ApiAuthenticationExtensions
{
    public static IApplicationBuilder UseCertifyTrackAuthentication(this IApplicationBuilder app) => ApiAuthentication.Use(app);
}
