using System.Security.Cryptography;
using System.Text;
using CertifyTrack.Shared.GraphQL.Authorization;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CertifyTrack.Host.GraphQL.Http;

/// <summary>
/// <c>GET /graphql/schema.graphql</c>: the schema in SDL, for code generators (docs/frontend.md). It tells
/// exactly what introspection tells, so it follows the same setting: with
/// <c>GraphQL:EnableIntrospection</c> on (Development) anyone may fetch it; with it off (production) only
/// admins (401 anonymous, 403 others), so that the schema of a production server is not public. The text
/// is printed once; an <c>ETag</c> lets code generators poll it for free.
/// </summary>
internal sealed class SchemaDocumentEndpoint(ISchema schema, IOptions<GraphQLOptions> options)
{
    private readonly Lazy<(byte[] Body, string ETag)> document = new(() =>
    {
        var body = Encoding.UTF8.GetBytes(schema.Print());
        return (body, $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"");
    });

    public async Task InvokeAsync(HttpContext context)
    {
        var response = context.Response;
        if (!options.Value.EnableIntrospection && !context.User.IsInRole(Roles.Admin))
        {
            var signedIn = context.User.Identity?.IsAuthenticated == true;
            response.StatusCode = signedIn ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync(signedIn
                ? "Introspection is off on this server: only admins may download the schema."
                : "Introspection is off on this server: sign in as an admin to download the schema.");
            return;
        }

        var (body, etag) = document.Value;
        response.Headers.ETag = etag;
        response.Headers.CacheControl = options.Value.EnableIntrospection ? "no-cache" : "private, no-cache";
        response.Headers.Vary = HeaderNames.Authorization;
        if (context.Request.Headers.IfNoneMatch == etag)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = "text/plain; charset=utf-8";
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
    }
}
