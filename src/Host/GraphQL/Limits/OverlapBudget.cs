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

    /// <summary>The pairs to compare in the document's selection sets, saturating at <see cref="Cap"/>.</summary>
    public static long CountPairs(string source, GraphQLDocument document, IEnumerable<GraphQLSelectionSet> sets)
    {
        var budget = new OverlapBudget(source, document);
        long pairs = 0;
        foreach (var set in sets.Where(s => s.Selections.Count != 1 || s.Selections[0] is not GraphQLField))
        {
            var fields = new Fields(budget);
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
                    into.Add(field, type);
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
        var fields = new Fields(this);
        Collect(fragment.SelectionSet, fragment.TypeCondition.Type.Name.StringValue, fields);
        return flattened[fragment] = fields;
    }

    /// <summary>A field's text (without its alias) and parent type, hashed; and whether it has a selection set.</summary>
    private Variant VariantOf(GraphQLField field, string type)
    {
        var text = source.AsSpan(field.Name.Location.Start, field.Location.End - field.Name.Location.Start);
        return new Variant(HashCode.Combine(type, string.GetHashCode(text, StringComparison.Ordinal)), field.SelectionSet is not null);
    }

    private readonly record struct Variant(int Hash, bool Nested);

    /// <summary>
    /// Per response name, how many fields of each variant. A name seen once keeps its field and is
    /// hashed only when a second field of that name arrives: most names of a document occur once.
    /// </summary>
    private sealed class Fields(OverlapBudget budget)
    {
        private readonly Dictionary<string, Group> byName = new(StringComparer.Ordinal);

        public void Add(GraphQLField field, string type)
        {
            var name = (field.Alias?.Name ?? field.Name).StringValue;
            if (byName.TryGetValue(name, out var group))
            {
                group.Add(budget.VariantOf(field, type), 1, budget);
            }
            else
            {
                byName[name] = new Group(field, type);
            }
        }

        public void AddAll(Fields? other)
        {
            foreach (var (name, group) in other?.byName ?? [])
            {
                if (group.Variants is null)
                {
                    Add(group.First!, group.FirstType);
                    continue;
                }

                if (!byName.TryGetValue(name, out var mine))
                {
                    byName[name] = mine = new Group(null, "");
                }

                foreach (var (variant, count) in group.Variants)
                {
                    mine.Add(variant, count, budget);
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
            foreach (var variants in byName.Values.Select(g => g.Variants).OfType<Dictionary<Variant, long>>())
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

    /// <summary>The fields of one response name: the first one as it came, or the count of each variant.</summary>
    private sealed class Group(GraphQLField? first, string firstType)
    {
        public GraphQLField? First { get; } = first;

        public string FirstType { get; } = firstType;

        public Dictionary<Variant, long>? Variants { get; private set; }

        public void Add(Variant variant, long count, OverlapBudget budget)
        {
            if (Variants is null)
            {
                Variants = [];
                if (First is not null)
                {
                    Variants[budget.VariantOf(First, FirstType)] = 1;
                }
            }

            Variants[variant] = Math.Min(Cap, Variants.GetValueOrDefault(variant) + count);
        }
    }
}
