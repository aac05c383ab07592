using GraphQLParser.AST;

namespace CertifyTrack.Host.GraphQL.Limits;

/// <summary>
/// Counts, before validation, the pairs of fields that the spec's "overlapping fields can be
/// merged" rule would compare at a cost: in each selection set (through inline fragments and
/// fragment spreads), two fields with the same response name whose text or parent type differ,
/// and two identical fields with selection sets. That rule compares such pairs one by one (the
/// selections of nested ones too) and builds an error, with the line and column of both fields,
/// for each conflict: 1,000 fields <c>node(id: "i")</c> of 11 KB made 124,750 errors and seconds
/// of CPU in one step of validation that no clock interrupts. Identical leaves are not counted.
/// </summary>
internal sealed class OverlapBudget
{
    private const long Cap = 1_000_000; // counts saturate: a fragment bomb multiplies them

    private readonly string source;
    private readonly Dictionary<string, GraphQLFragmentDefinition> fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<GraphQLFragmentDefinition, Fields?> flattened = [];

    private OverlapBudget(string source, GraphQLDocument document)
    {
        this.source = source;
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }
    }

    /// <summary>The possibly conflicting pairs of the document's selection sets, saturating at <see cref="Cap"/>.</summary>
    public static long CountPairs(string source, GraphQLDocument document, IEnumerable<GraphQLSelectionSet> sets)
    {
        var budget = new OverlapBudget(source, document);
        long pairs = 0;
        foreach (var set in sets)
        {
            var fields = new Fields();
            budget.Collect(set, "", fields); // the set's own fields share its parent type, whatever its name
            pairs = Math.Min(Cap, pairs + fields.PairsToCompare());
        }

        return pairs;
    }

    private void Collect(GraphQLSelectionSet set, string type, Fields into)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    var text = source.AsSpan(field.Name.Location.Start, field.Location.End - field.Name.Location.Start);
                    into.Add((field.Alias?.Name ?? field.Name).StringValue, new Variant(HashCode.Combine(type, string.GetHashCode(text, StringComparison.Ordinal)), field.SelectionSet is not null), 1);
                    break;
                case GraphQLInlineFragment inline:
                    Collect(inline.SelectionSet, inline.TypeCondition?.Type.Name.StringValue ?? type, into);
                    break;
                case GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment):
                    into.AddAll(Flatten(fragment));
                    break;
            }
        }
    }

    private Fields? Flatten(GraphQLFragmentDefinition fragment)
    {
        if (flattened.TryGetValue(fragment, out var done))
        {
            return done; // null while in progress: a cycle, which validation refuses
        }

        flattened[fragment] = null;
        var fields = new Fields();
        Collect(fragment.SelectionSet, fragment.TypeCondition.Type.Name.StringValue, fields);
        return flattened[fragment] = fields;
    }

    /// <summary>A field's text (without its alias) and parent type, hashed; and whether it has a selection set.</summary>
    private readonly record struct Variant(int Hash, bool Nested);

    /// <summary>Per response name, how many fields of each variant.</summary>
    private sealed class Fields
    {
        private readonly Dictionary<string, Dictionary<Variant, long>> byName = new(StringComparer.Ordinal);

        public void Add(string responseName, Variant variant, long count)
        {
            if (!byName.TryGetValue(responseName, out var variants))
            {
                byName[responseName] = variants = [];
            }

            variants[variant] = Math.Min(Cap, variants.GetValueOrDefault(variant) + count);
        }

        public void AddAll(Fields? other)
        {
            foreach (var (name, variants) in other?.byName ?? [])
            {
                foreach (var (variant, count) in variants)
                {
                    Add(name, variant, count);
                }
            }
        }

        /// <summary>
        /// Pairs of fields with one response name and different variants, (n² − Σ cᵢ²) / 2, plus
        /// pairs of identical fields with selection sets (whose selections are compared pair by
        /// pair too), c(c − 1) / 2. Identical leaves (<c>__typename</c> 2,000 times) cost little.
        /// </summary>
        public long PairsToCompare()
        {
            double pairs = 0;
            foreach (var variants in byName.Values)
            {
                double total = 0, same = 0;
                foreach (var (variant, count) in variants)
                {
                    total += count;
                    same += (double)count * count;
                    pairs += variant.Nested ? (double)count * (count - 1) / 2 : 0;
                }

                pairs += ((total * total) - same) / 2;
            }

            return (long)Math.Min(Cap, pairs);
        }
    }
}
