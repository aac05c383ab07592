using System.Reflection;

namespace CertifyTrack.Shared.GraphQL.Mutations;

/// <summary>
/// The base of every mutation payload record: the changed object(s) as the derived record's
/// properties (<c>sealed record CreateClubPayload(ClubNode? Club) : Payload;</c>), and the business
/// rule failures. A payload with user errors carries no changed object: its other properties keep
/// their defaults (null, 0, false).
/// </summary>
public abstract record Payload
{
    public IReadOnlyList<UserError> UserErrors { get; init; } = [];

    /// <summary>The payload of a refused mutation: <paramref name="errors"/> and defaults everywhere else.</summary>
    public static TPayload Failed<TPayload>(IReadOnlyList<UserError> errors)
        where TPayload : Payload => (TPayload)FailedPayloads.Create(typeof(TPayload)) with { UserErrors = errors };

    private static class FailedPayloads
    {
        public static Payload Create(Type type)
        {
            // The widest constructor (a positional record's primary one), with every parameter at its default.
            var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .Where(c => c.GetParameters() is not [var only] || only.ParameterType != type)   // not the copy constructor
                .OrderByDescending(c => c.GetParameters().Length).First();
            var arguments = constructor.GetParameters()
                .Select(p => p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray();
            return (Payload)constructor.Invoke(arguments);
        }
    }
}
