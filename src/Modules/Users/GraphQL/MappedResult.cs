using GraphQL.DataLoader;

namespace CertifyTrack.Modules.Users.GraphQL;

/// <summary>A DataLoader result passed through <paramref name="map"/> once loaded (core graphql-dotnet has no <c>Then</c>).</summary>
internal sealed class MappedResult<T>(IDataLoaderResult<T> inner, Func<T, object?> map) : IDataLoaderResult
{
    public async Task<object?> GetResultAsync(CancellationToken cancellationToken = default) =>
        map(await inner.GetResultAsync(cancellationToken));
}
