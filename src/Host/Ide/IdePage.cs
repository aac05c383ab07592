namespace CertifyTrack.Host.Ide;

/// <summary>Serves the GraphiQL IDE to a browser that opens <c>/graphql</c>.</summary>
internal sealed class IdePage(IWebHostEnvironment environment)
{
    public async Task WriteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"<!doctype html><title>CertifyTrack GraphQL ({environment.EnvironmentName})</title>");
    }
}
