using System.Collections.Concurrent;
using GraphQL.Types;

namespace CertifyTrack.Shared.GraphQL.Extensions;

/// <summary>
/// Holds every registered <see cref="ITypeExtension"/>. An extensible graph type takes the
/// registry in its constructor and calls <see cref="Apply"/> after declaring its own fields.
/// </summary>
public sealed class TypeExtensionRegistry(IEnumerable<ITypeExtension> extensions)
{
    private readonly ILookup<Type, ITypeExtension> byOwner = extensions.ToLookup(e => e.OwnerType);
    private readonly ConcurrentDictionary<Type, bool> applied = new();

    /// <summary>Adds the contributed fields to <paramref name="owner"/>; a field contributed twice stops start-up.</summary>
    public void Apply(IComplexGraphType owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var contributors = owner.Fields.ToDictionary(f => f.Name, _ => $"type {owner.Name} itself", StringComparer.OrdinalIgnoreCase);
        foreach (var extension in byOwner[owner.GetType()])
        {
            foreach (var field in extension.CreateFields())
            {
                if (contributors.TryGetValue(field.Name, out var existing))
                {
                    throw new InvalidOperationException(
                        $"The field {owner.Name}.{field.Name} is declared twice: by {existing} and by module '{extension.Module}'.");
                }

                contributors[field.Name] = $"module '{extension.Module}'";
                owner.AddField(field);
            }
        }

        applied[owner.GetType()] = true;
    }

    /// <summary>Stops start-up when an extension targets a type that never applied its extensions.</summary>
    public void EnsureAllApplied()
    {
        var missed = byOwner.Where(g => !applied.ContainsKey(g.Key)).ToList();
        if (missed.Count > 0)
        {
            var names = string.Join(", ", missed.SelectMany(g => g.Select(e => $"{e.GetType().Name} (module '{e.Module}') on {g.Key.Name}")));
            throw new InvalidOperationException(
                $"Type extensions were registered for types that are not in the schema or do not call TypeExtensionRegistry.Apply: {names}.");
        }
    }
}
