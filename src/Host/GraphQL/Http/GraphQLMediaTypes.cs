using Microsoft.Net.Http.Headers;

namespace CertifyTrack.Host.GraphQL.Http;

/// <summary>Response media types of the GraphQL-over-HTTP spec, chosen by the Accept header.</summary>
internal static class GraphQLMediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// The media type to answer with, or null when the client accepts neither (406).
    /// A missing Accept header and <c>*/*</c> mean <c>application/json</c>, as the spec asks
    /// for the years before its watershed.
    /// </summary>
    public static string? Negotiate(IList<MediaTypeHeaderValue> accept)
    {
        if (accept.Count == 0)
        {
            return Json;
        }

        string? best = null;
        double bestQuality = 0;
        foreach (var value in accept)
        {
            var quality = value.Quality ?? 1.0;
            if (quality <= bestQuality)
            {
                continue;
            }

            var candidate = Match(value);
            if (candidate is not null)
            {
                best = candidate;
                bestQuality = quality;
            }
        }

        return best;
    }

    /// <summary>True when a browser asks for a page: <c>text/html</c> listed and preferred over JSON.</summary>
    public static bool PrefersHtml(IList<MediaTypeHeaderValue> accept)
    {
        var html = accept.FirstOrDefault(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
        if (html is null || html.Quality is 0)
        {
            return false;
        }

        var json = accept.Where(a => Match(a) is not null && !a.MatchesAllTypes).Select(a => a.Quality ?? 1.0).DefaultIfEmpty(0).Max();
        return (html.Quality ?? 1.0) >= json;
    }

    private static string? Match(MediaTypeHeaderValue value)
    {
        if (value.MatchesAllTypes || value.MatchesAllSubTypes && value.Type.Equals("application", StringComparison.OrdinalIgnoreCase))
        {
            return Json;
        }

        if (value.MediaType.Equals(GraphQLResponse, StringComparison.OrdinalIgnoreCase))
        {
            return GraphQLResponse;
        }

        return value.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase) ? Json : null;
    }
}
