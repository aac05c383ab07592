using GraphQL;

namespace CertifyTrack.Host.GraphQL;

/// <summary>
/// One GraphQL request as any transport received it; no query when it names a persisted one by hash (in its
/// extensions) or a trusted document by <see cref="DocumentId"/> (<c>sha256:&lt;hash&gt;</c>, GraphQL over HTTP's
/// persisted documents).
/// </summary>
internal sealed record GraphQLRequest(string? Query, string? OperationName, Inputs? Variables, Inputs? Extensions, string? DocumentId = null);
