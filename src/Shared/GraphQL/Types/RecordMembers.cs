using System.ComponentModel;
using System.Reflection;
using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Shared.GraphQL.Types;

/// <summary>
/// Attributes written on a positional record's parameters (<c>record X([Description("…")] string Name)</c>)
/// land on the constructor parameter, not on the property graphql-dotnet reads: these helpers read
/// them from there too, so a record declares a field's description, id type and list maximum once.
/// </summary>
internal static class RecordMembers
{
    public static IEnumerable<Attribute> ParameterAttributes(MemberInfo member) =>
        member.DeclaringType?.GetConstructors()
            .SelectMany(c => c.GetParameters())
            .Where(p => p.Name == member.Name && p.Member.DeclaringType == member.DeclaringType)
            .Take(1)
            .SelectMany(p => p.GetCustomAttributes())
        ?? [];

    public static void Apply(MemberInfo member, TypeInformation information)
    {
        foreach (var attribute in ParameterAttributes(member).OfType<GraphQLAttribute>())
        {
            attribute.Modify(information);
        }
    }

    public static void Apply(MemberInfo member, FieldType field, bool isInputType)
    {
        foreach (var attribute in ParameterAttributes(member))
        {
            switch (attribute)
            {
                case DescriptionAttribute description when field.Description is null:
                    field.Description = description.Description;
                    break;
                case GraphQLAttribute graphQL:
                    graphQL.Modify(field, isInputType);
                    break;
            }
        }
    }
}
