using GraphQL;

namespace CertifyTrack.Host.GraphQL;

/// <summary>One GraphQL request as any transport received it; no query when it names a persisted one by hash (in its extensions).</summary>
internal sealed record GraphQLRequest(string? Query, string? OperationName, Inputs? Variables, Inputs? Extensions);
