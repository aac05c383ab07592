using GraphQL;

namespace CertifyTrack.Shared.GraphQL.Relay;

/// <summary>
/// How <c>node(id:)</c> finds objects of one type: a module registers one per entity type it
/// owns (as a singleton in DI). The loader gets the keys from the global ids and the field's
/// context (the caller in <c>User</c>, <c>RequestServices</c>, <c>CancellationToken</c>), and
/// returns by key only the objects that exist <b>and the caller may see</b>: <c>node</c> and
/// <c>Node.id</c> are public, so the loader is the only gate.
/// </summary>
public sealed record NodeRegistration(
    string TypeName,
    Func<IResolveFieldContext, IReadOnlyList<string>, Task<IReadOnlyDictionary<string, object>>> LoadMany);
