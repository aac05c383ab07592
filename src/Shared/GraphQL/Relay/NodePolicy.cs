using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Shared.GraphQL.Relay;

/// <summary>
/// Who may load the objects of one node type: <see cref="Who"/> in words (for people and the
/// schema test) and, for a caller, a filter on the type's rows that EF Core translates to SQL, so
/// a row the caller may not see is never read. The filter may look at other tables of the module
/// through <typeparamref name="TDb"/> (<c>db.Mentors.Any(m =&gt; m.Id == s.MentorId &amp;&amp; m.UserId == caller)</c>).
/// </summary>
public sealed class NodePolicy<TDb, TNode>
    where TDb : DbContext
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    private readonly Func<ClaimsPrincipal, TDb, Expression<Func<TNode, bool>>> visibleTo;

    /// <param name="who">Who may load the type, e.g. "the user themselves, the student's own mentor, admins".</param>
    /// <param name="visibleTo">The rows <c>caller</c> may load; anonymous callers get an unauthenticated principal.</param>
    public NodePolicy(string who, Func<ClaimsPrincipal, TDb, Expression<Func<TNode, bool>>> visibleTo)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(who);
        ArgumentNullException.ThrowIfNull(visibleTo);
        Who = who;
        this.visibleTo = visibleTo;
    }

    public string Who { get; }

    /// <summary>The rows of <paramref name="rows"/> that <paramref name="caller"/> may see.</summary>
    public IQueryable<TNode> Apply(IQueryable<TNode> rows, ClaimsPrincipal? caller, TDb db)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Where(visibleTo(caller ?? Anonymous, db));
    }
}
