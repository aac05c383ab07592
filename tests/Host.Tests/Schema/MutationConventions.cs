using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Host.Tests.Schema;

/// <summary>Checks <c>verbNoun(input: VerbNounInput!): VerbNounPayload!</c> with <c>userErrors: [UserError!]!</c>.</summary>
internal static class MutationConventions
{
    public static IEnumerable<string> Violations(ISchema schema)
    {
        foreach (var field in schema.Mutation?.Fields ?? [])
        {
            var stem = char.ToUpperInvariant(field.Name[0]) + field.Name[1..];
            var argument = field.Arguments?.Count == 1 ? field.Arguments[0] : null;
            if (argument is not { Name: "input", ResolvedType: NonNullGraphType { ResolvedType: IInputObjectGraphType input } } || input.Name != stem + "Input")
            {
                yield return $"Mutation.{field.Name} must take exactly one argument 'input: {stem}Input!'.";
            }

            if (field.ResolvedType is not NonNullGraphType { ResolvedType: IObjectGraphType payload } || payload.Name != stem + "Payload")
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
