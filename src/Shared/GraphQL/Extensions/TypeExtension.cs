using GraphQL.Types;

namespace CertifyTrack.Shared.GraphQL.Extensions;

/// <summary>
/// Fields one module adds to an object type that another module owns (HotChocolate's
/// <c>[ExtendObjectType]</c>). Register with <see cref="TypeExtensionRegistration.AddTypeExtension{TExtension}"/>;
/// the owning type applies every extension when the schema is built, without knowing them.
/// </summary>
public interface ITypeExtension
{
    /// <summary>The owning graph type.</summary>
    Type OwnerType { get; }

    /// <summary>The contributing module, named in start-up errors.</summary>
    string Module { get; }

    /// <summary>Creates the contributed fields.</summary>
    IEnumerable<FieldType> CreateFields();
}

/// <summary>Base for an extension of <typeparamref name="TOwner"/>, whose objects are <typeparamref name="TSource"/>.</summary>
public abstract class TypeExtension<TOwner, TSource> : ITypeExtension
    where TOwner : ObjectGraphType<TSource>
{
    public Type OwnerType => typeof(TOwner);

    public abstract string Module { get; }

    public IEnumerable<FieldType> CreateFields()
    {
        var scratch = new ObjectGraphType<TSource>();
        Extend(scratch);
        return scratch.Fields;
    }

    /// <summary>Declares the added fields, as the owner would in its constructor.</summary>
    protected abstract void Extend(ObjectGraphType<TSource> type);
}
