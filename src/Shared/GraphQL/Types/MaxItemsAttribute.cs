using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Shared.GraphQL.Types;

/// <summary>
/// <c>[MaxItems(500)]</c> on a list property of an input record: the same declaration as
/// <see cref="ListLimits.MaxItems(FieldType, int)"/>, enforced by the host before execution.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MaxItemsAttribute(int max) : GraphQLAttribute
{
    public int Max { get; } = max;

    public override void Modify(FieldType fieldType, bool isInputType) => fieldType.MaxItems(Max);
}
