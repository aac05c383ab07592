namespace CertifyTrack.Shared.GraphQL.Mutations;

/// <summary>
/// The base of every mutation payload: the changed object(s) as properties of the derived
/// class, and the business rule failures. A payload with user errors carries no changed object.
/// </summary>
public abstract class Payload
{
    public IReadOnlyList<UserError> UserErrors { get; init; } = [];
}
