using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Host.Tests.Schema;

/// <summary>Checks <c>verbNoun(input: VerbNounInput!): VerbNounPayload!</c> with <c>userErrors: [UserError!]!</c>.</summary>
internal static class MutationConventions
{
    /// <summary>The schema outline (SCHEMA-OUTLINE.graphql) shares one input and payload among the event transitions.</summary>
    private static readonly Dictionary<string, (string Input, string Payload)> Shared = new(StringComparer.Ordinal)
    {
        ["scheduleEvent"] = ("EventTransitionInput", "EventTransitionPayload"),
        ["startEvent"] = ("EventTransitionInput", "EventTransitionPayload"),
        ["completeEvent"] = ("EventTransitionInput", "EventTransitionPayload"),
        ["cancelEvent"] = ("CancelEventInput", "EventTransitionPayload"),
        ["deleteEvent"] = ("EventTransitionInput", "DeleteEventPayload"),
    };

    public static IEnumerable<string> Violations(ISchema schema)
    {
        foreach (var field in schema.Mutation?.Fields ?? [])
        {
            var stem = char.ToUpperInvariant(field.Name[0]) + field.Name[1..];
            var (inputName, payloadName) = Shared.GetValueOrDefault(field.Name, (stem + "Input", stem + "Payload"));
            var argument = field.Arguments?.Count == 1 ? field.Arguments[0] : null;
            if (argument is not { Name: "input", ResolvedType: NonNullGraphType { ResolvedType: IInputObjectGraphType input } } || input.Name != inputName)
            {
                yield return $"Mutation.{field.Name} must take exactly one argument 'input: {stem}Input!'.";
            }

            if (field.ResolvedType is not NonNullGraphType { ResolvedType: IObjectGraphType payload } || payload.Name != payloadName)
            {
                yield return $"Mutation.{field.Name} must return '{stem}Payload!'.";
            }
            else if (payload.GetField("userErrors")?.ResolvedType?.ToString() != "[UserError!]!")
            {
                yield return $"{payload.Name} must have 'userErrors: [UserError!]!' (declare it with mutation.Command).";
            }
        }
    }
}
