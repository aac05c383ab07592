namespace CertifyTrack.Shared.GraphQL.Relay;

/// <summary>
/// How <c>node(id:)</c> finds objects of one type: a module registers one per entity type it
/// owns (as a singleton in DI). The loader gets the key from the global id and returns the
/// object, or null when it does not exist or the caller may not see it.
/// </summary>
public sealed record NodeRegistration(
    string TypeName,
    Func<IServiceProvider, IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, object>>> LoadMany);
