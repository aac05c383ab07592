using System.Reflection;
using CertifyTrack.Shared.GraphQL.Mutations;
using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Shared.GraphQL.Types;

/// <summary>
/// The object type of a payload record, named after it (<c>CreateClubPayload</c>): <c>userErrors</c>
/// first, then one field per property of the record, nullability from the C# types. Object
/// properties resolve to the graph type mapped to their CLR type (<c>services.AddGraphTypeMapping&lt;ClubNode,
/// ClubType&gt;()</c>). Its fields are public: the mutation field's own authorization gates the payload,
/// and the objects it returns are guarded by their own types' metadata.
/// </summary>
public sealed class PayloadType<TPayload> : AutoRegisteringObjectGraphType<TPayload>
    where TPayload : Payload
{
    public PayloadType() => this.AllowAnonymous();

    protected override IEnumerable<FieldType> ProvideFields()
    {
        yield return new FieldType
        {
            Name = "userErrors",
            Description = "Business rules that refused the mutation; empty when it succeeded.",
            Type = typeof(NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>),
            Resolver = new global::GraphQL.Resolvers.FuncFieldResolver<TPayload, IReadOnlyList<UserError>>(c => c.Source.UserErrors),
        };
        foreach (var field in base.ProvideFields())
        {
            yield return field;
        }
    }

    protected override IEnumerable<MemberInfo> GetRegisteredMembers() =>
        typeof(TPayload).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.DeclaringType != typeof(Payload));

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

        RecordMembers.Apply(memberInfo, field, isInputType: false);
        return field;
    }
}
