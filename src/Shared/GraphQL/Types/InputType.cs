using System.Reflection;
using GraphQL.Types;

namespace CertifyTrack.Shared.GraphQL.Types;

/// <summary>
/// The input object type of a C# record, named after it (<c>CreateClubInput</c>): one field per
/// property, in declaration order, non-null unless the property is nullable (<c>string?</c>, <c>int?</c>).
/// On a property or a positional parameter: <c>[Description("…")]</c>, <c>[Id]</c> for global ids
/// (parse them with <c>NodeTypes.ParseKey&lt;TNode&gt;</c>), <c>[MaxItems(n)]</c> on every list.
/// Enums and nested inputs need a mapping to their graph type (<c>services.AddGraphTypeMapping</c>).
/// </summary>
public sealed class InputType<TInput> : AutoRegisteringInputObjectGraphType<TInput>
{
    protected override TypeInformation GetTypeInformation(MemberInfo memberInfo)
    {
        var information = base.GetTypeInformation(memberInfo);
        RecordMembers.Apply(memberInfo, information);
        return information;
    }

    protected override FieldType? CreateField(MemberInfo memberInfo)
    {
        var field = base.CreateField(memberInfo);
        if (field is null)
        {
            return null;
        }

        RecordMembers.Apply(memberInfo, field, isInputType: true);
        return field;
    }
}
