using GraphQL;

namespace CertifyTrack.Host.GraphQL;

/// <summary>One GraphQL request as any transport received it.</summary>
internal sealed record GraphQLRequest(string Query, string? OperationName, Inputs? Variables, Inputs? Extensions);
