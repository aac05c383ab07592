using System.Linq.Expressions;
using CertifyTrack.Shared.GraphQL;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Shared.GraphQL.Lists;

public static class ConnectionFieldExtensions
{
    /// <summary>
    /// Adds a Relay connection field <c>name(first, after, last, before): XConnection!</c> over
    /// rows of <typeparamref name="TNode"/> shown as <typeparamref name="TNodeType"/>:
    /// <code>
    /// query.Connection&lt;ClubType, Club&gt;("clubs").Filter&lt;ClubFilter&gt;().Sort&lt;ClubSort&gt;()
    ///     .Resolve&lt;ClubsDbContext&gt;(db =&gt; db.Clubs, c =&gt; c.Id).AllowAnonymous();
    /// </code>
    /// </summary>
    public static ConnectionField<TNode> Connection<TNodeType, TNode>(this IComplexGraphType type, string name)
        where TNodeType : IGraphType
        where TNode : class
    {
        ArgumentNullException.ThrowIfNull(type);
        var builder = FieldBuilder<object, object>.Create(name, typeof(NonNullGraphType<ConnectionGraphType<TNodeType>>))
            .Argument<IntGraphType>("first", $"Rows after 'after' (or from the start), at most {PageRequest.MaxSize}; {PageRequest.DefaultSize} when neither first nor last is given.")
            .Argument<StringGraphType>("after", "A cursor of this list: the page starts after that row.")
            .Argument<IntGraphType>("last", $"Rows before 'before' (or up to the end), at most {PageRequest.MaxSize}.")
            .Argument<StringGraphType>("before", "A cursor of this list: the page ends before that row.");
        type.AddField(builder.FieldType);
        return new ConnectionField<TNode>(builder);
    }
}

/// <summary>A connection field being declared; <see cref="Resolve{TDb}(Func{TDb, IQueryable{TNode}}, Expression{Func{TNode, object}})"/> completes it.</summary>
public sealed class ConnectionField<TNode>
    where TNode : class
{
    private readonly FieldBuilder<object, object> builder;

    internal ConnectionField(FieldBuilder<object, object> builder) => this.builder = builder;

    /// <summary>Adds <c>where: TFilter</c>.</summary>
    public ConnectionField<TNode> Filter<TFilter>()
        where TFilter : FilterInputType<TNode>
    {
        builder.Argument<TFilter>("where", "Only rows matching this filter.");
        return this;
    }

    /// <summary>
    /// Makes the field nullable (<c>XConnection</c>, not <c>XConnection!</c>): for a connection on an
    /// object that only some of the callers who may load it may list, so a refusal (<c>FORBIDDEN</c>)
    /// answers null at the field instead of blanking the object around it (docs/adr/0006).
    /// </summary>
    public ConnectionField<TNode> Nullable()
    {
        var type = builder.FieldType.Type!;
        builder.FieldType.Type = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(NonNullGraphType<>)
            ? type.GetGenericArguments()[0] : type;
        return this;
    }

    /// <summary>Most sort terms in one <c>order</c>.</summary>
    public const int MaxSortTerms = 10;

    /// <summary>Adds <c>order: [TSort!]</c> (at most <see cref="MaxSortTerms"/> terms).</summary>
    public ConnectionField<TNode> Sort<TSort>()
        where TSort : SortInputType<TNode>
    {
        builder.Argument<ListGraphType<NonNullGraphType<TSort>>>("order",
            $"Sort terms, most significant first (at most {MaxSortTerms}); the row id breaks ties.", a => a.MaxItems(MaxSortTerms));
        return this;
    }

    /// <summary>
    /// Resolves pages from <paramref name="query"/>, run on a context of its own from the module's
    /// <see cref="IDbContextFactory{TContext}"/>. <paramref name="id"/> is the unique key that ends
    /// every order. The query must not order or page itself.
    /// </summary>
    public FieldBuilder<object, object> Resolve<TDb>(Func<TDb, IQueryable<TNode>> query, Expression<Func<TNode, object>> id)
        where TDb : DbContext =>
        Resolve<TDb>((_, db) => query(db), id);

    /// <inheritdoc cref="Resolve{TDb}(Func{TDb, IQueryable{TNode}}, Expression{Func{TNode, object}})"/>
    public FieldBuilder<object, object> Resolve<TDb>(Func<IResolveFieldContext, TDb, IQueryable<TNode>> query, Expression<Func<TNode, object>> id)
        where TDb : DbContext
    {
        ArgumentNullException.ThrowIfNull(query);
        var idKey = SortField.Create("id", id).Ascending();
        return builder.ResolveAsync(context => ResolveAsync(context, query, idKey));
    }

    private static async Task<object?> ResolveAsync<TDb>(IResolveFieldContext context, Func<IResolveFieldContext, TDb, IQueryable<TNode>> query, OrderKey id)
        where TDb : DbContext
    {
        var page = PageRequest.From(context);
        var predicate = ArgumentType<FilterInputType<TNode>>(context, "where")?.ToPredicate(Argument(context, "where"));
        var order = ArgumentType<SortInputType<TNode>>(context, "order")?.Parse(Argument(context, "order")) ?? [];
        var plan = new KeysetPage([.. order, id], page);

        var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<TDb>>();
        await using var db = await factory.CreateDbContextAsync(context.CancellationToken);
        var source = query(context, db);
        if (predicate is not null)
        {
            source = source.Where(predicate);
        }

        var withTotalCount = context.SubFields?.Values.Any(f => f.FieldType.Name == "totalCount") == true;
        return await plan.ReadAsync(source, withTotalCount, context.CancellationToken);
    }

    private static TType? ArgumentType<TType>(IResolveFieldContext context, string name)
        where TType : class =>
        context.FieldDefinition.Arguments?.Find(name)?.ResolvedType?.GetNamedType() as TType;

    private static object? Argument(IResolveFieldContext context, string name) =>
        context.Arguments is { } arguments && arguments.TryGetValue(name, out var value) ? value.Value : null;
}
