using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Shared.GraphQL.Lists;

/// <summary>
/// Reads one page: a single SELECT of up to size + 1 rows (the extra row only tells whether
/// another page follows), plus one COUNT when <c>totalCount</c> is selected.
/// </summary>
internal sealed class KeysetPage
{
    private readonly IReadOnlyList<OrderKey> keys;
    private readonly PageRequest page;
    private readonly string signature;
    private readonly object?[]? after;
    private readonly object?[]? before;

    /// <summary>Decodes the cursors up front, so a bad one is refused before any database work.</summary>
    public KeysetPage(IReadOnlyList<OrderKey> keys, PageRequest page)
    {
        this.keys = keys;
        this.page = page;
        signature = KeysetCursor.Signature(keys);
        after = page.After is null ? null : KeysetCursor.Decode(page.After, signature, keys);
        before = page.Before is null ? null : KeysetCursor.Decode(page.Before, signature, keys);
    }

    public async Task<Connection<T>> ReadAsync<T>(IQueryable<T> source, bool withTotalCount, CancellationToken cancellationToken)
        where T : class
    {
        var rows = source;
        if (after is not null)
        {
            rows = rows.Where(Keyset.After<T>(keys, after, reverse: false));
        }

        if (before is not null)
        {
            rows = rows.Where(Keyset.After<T>(keys, before, reverse: true));
        }

        var list = await Keyset.OrderBy(rows, keys, page.Backward).Take(page.Size + 1).ToListAsync(cancellationToken);
        var more = list.Count > page.Size;
        if (more)
        {
            list.RemoveAt(page.Size);
        }

        if (page.Backward)
        {
            list.Reverse();
        }

        var edges = list.ConvertAll(node => new Edge<T>(KeysetCursor.Encode(signature, keys, node), node));
        var pageInfo = new PageInfo(
            HasNextPage: page.Backward ? before is not null : more,
            HasPreviousPage: page.Backward ? more : after is not null,
            StartCursor: edges.Count > 0 ? edges[0].Cursor : null,
            EndCursor: edges.Count > 0 ? edges[^1].Cursor : null);
        int? totalCount = withTotalCount ? await source.CountAsync(cancellationToken) : null;
        return new Connection<T>(edges, pageInfo, totalCount);
    }
}
