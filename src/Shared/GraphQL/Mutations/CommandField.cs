using CertifyTrack.Shared.GraphQL.Types;
using CertifyTrack.Shared.Persistence;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Shared.GraphQL.Mutations;

/// <summary>
/// A mutation being declared by <see cref="CommandFields.Command{TInput, TPayload}"/>: say what it does and
/// who may call it, then give its rule code to one of the runners:
/// <list type="bullet">
/// <item><see cref="Run{TDb}"/>: the usual one. Opens the module's context and one transaction, runs the
/// code, saves and commits. The command holds one connection: contexts that other modules' contracts
/// create while the code runs share it and its transaction (<see cref="CommandConnection"/>);</item>
/// <item><see cref="RunWithoutTransaction{TDb}"/>: opens the context only (a single statement, or work that
/// must happen before its own transaction: password hashing, a lockout count on SQLite). Nothing is
/// shared: a contract asked inside a transaction the code opens itself takes a second connection;</item>
/// <item><see cref="Resolve"/>: no database of its own (the work is a service's: token redemption).</item>
/// </list>
/// All of them answer a <see cref="UserErrorException"/> as the payload's <c>userErrors</c>, and a
/// unique index declared with <see cref="OnUniqueViolation"/> broken by a concurrent request as its user error.
/// Any other exception is a fault, answered as a masked top-level error.
/// </summary>
public sealed class CommandField<TInput, TPayload>
    where TPayload : Payload
{
    private readonly List<Func<TInput, string, UserError?>> uniqueIndexes = [];

    internal CommandField(FieldType field) => Field = field;

    public FieldType Field { get; }

    public CommandField<TInput, TPayload> Description(string description)
    {
        Field.Description = description;
        return this;
    }

    /// <summary>Callers need one of these roles.</summary>
    public CommandField<TInput, TPayload> AuthorizeWithRoles(params string[] roles)
    {
        Field.AuthorizeWithRoles(roles);
        return this;
    }

    /// <summary>Callers must satisfy this ASP.NET Core authorization policy.</summary>
    public CommandField<TInput, TPayload> AuthorizeWithPolicy(string policy)
    {
        Field.AuthorizeWithPolicy(policy);
        return this;
    }

    /// <summary>Any signed-in caller.</summary>
    public CommandField<TInput, TPayload> Authorize()
    {
        Field.Authorize();
        return this;
    }

    /// <summary>Anyone, signed in or not (sign-up, public verification).</summary>
    public CommandField<TInput, TPayload> AllowAnonymous()
    {
        Field.AllowAnonymous();
        return this;
    }

    /// <summary>
    /// Declares the costly work the mutation does (password hashing, email, PDF rendering): the rate
    /// limits weigh it, and doing undeclared work fails (<see cref="ExpensiveFields"/>).
    /// </summary>
    public CommandField<TInput, TPayload> Expensive(params ExpensiveWork[] work)
    {
        Field.Expensive(work);
        return this;
    }

    /// <summary>
    /// A save that breaks the unique index <paramref name="indexName"/> (a concurrent request took the name
    /// past the rule code's own check) is answered as <paramref name="error"/>, the transaction rolled back.
    /// </summary>
    public CommandField<TInput, TPayload> OnUniqueViolation(string indexName, Func<TInput, UserError> error)
    {
        ArgumentNullException.ThrowIfNull(error);
        uniqueIndexes.Add((input, index) => index == indexName ? error(input) : null);
        return this;
    }

    /// <summary>
    /// As <see cref="OnUniqueViolation(string, Func{TInput, UserError})"/>, for a module's own map of its
    /// indexes (input, index name) to user errors; null for an index it does not know (then the save is a fault).
    /// </summary>
    public CommandField<TInput, TPayload> OnUniqueViolation(Func<TInput, string, UserError?> error)
    {
        ArgumentNullException.ThrowIfNull(error);
        uniqueIndexes.Add(error);
        return this;
    }

    /// <summary>Runs <paramref name="rules"/> in one transaction on a new <typeparamref name="TDb"/>; saves and commits after.</summary>
    public FieldType Run<TDb>(Func<CommandContext<TDb>, TInput, Task<TPayload>> rules)
        where TDb : DbContext
    {
        ArgumentNullException.ThrowIfNull(rules);
        return Resolved(async (context, input) =>
        {
            await using var db = await context.RequestServices!.GetRequiredService<IDbContextFactory<TDb>>().CreateDbContextAsync(context.CancellationToken);
            await using var tx = await db.Database.BeginTransactionAsync(context.CancellationToken);
            var payload = await RunSharing(db, input, rules, context);
            // Not cancellable: a commit cut short by the timeout would leave the client unable to tell
            // whether it happened. Once committed, a later timeout of the operation says so.
            await tx.CommitAsync(CancellationToken.None);
            CommittedFields.Record(context);
            return payload;
        });
    }

    /// <summary>
    /// The rule code, with the command's connection and transaction shared (<see cref="CommandConnection"/>):
    /// contexts other modules' contracts create meanwhile join them instead of taking a second connection.
    /// </summary>
    private async Task<TPayload> RunSharing<TDb>(TDb db, TInput input, Func<CommandContext<TDb>, TInput, Task<TPayload>> rules, IResolveFieldContext context)
        where TDb : DbContext
    {
        using var shared = CommandConnection.Share(db);
        return await Unique(db, input, () => SaveAfter(db, rules(new CommandContext<TDb>(context, db), input), context.CancellationToken));
    }

    /// <summary>Runs <paramref name="rules"/> with a new <typeparamref name="TDb"/> and no transaction (open one in the code if it needs one).</summary>
    public FieldType RunWithoutTransaction<TDb>(Func<CommandContext<TDb>, TInput, Task<TPayload>> rules)
        where TDb : DbContext
    {
        ArgumentNullException.ThrowIfNull(rules);
        return Resolved(async (context, input) =>
        {
            await using var db = await context.RequestServices!.GetRequiredService<IDbContextFactory<TDb>>().CreateDbContextAsync(context.CancellationToken);
            return await Unique(db, input, () => rules(new CommandContext<TDb>(context, db), input));
        });
    }

    /// <summary>Runs <paramref name="rules"/> with no database of the pipeline's.</summary>
    public FieldType Resolve(Func<CommandContext, TInput, Task<TPayload>> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return Resolved((context, input) => rules(new CommandContext(context), input));
    }

    private static async Task<TPayload> SaveAfter(DbContext db, Task<TPayload> rules, CancellationToken ct)
    {
        var payload = await rules;
        await db.SaveChangesAsync(ct);
        return payload;
    }

    private async Task<TPayload> Unique(DbContext db, TInput input, Func<Task<TPayload>> run)
    {
        try
        {
            return await run();
        }
        catch (DbUpdateException ex) when (UniqueViolation.IndexName(db, ex) is { } index
            && uniqueIndexes.Select(map => map(input, index)).FirstOrDefault(e => e is not null) is { } error)
        {
            throw new UserErrorException([error]);
        }
    }

    private FieldType Resolved(Func<IResolveFieldContext, TInput, Task<TPayload>> run)
    {
        Field.Resolver = new FuncFieldResolver<object>(async context =>
        {
            try
            {
                return await run(context, context.GetArgument<TInput>("input"));
            }
            catch (UserErrorException ex)
            {
                return Payload.Failed<TPayload>(ex.Errors);
            }
        });
        return Field;
    }
}

public static class CommandFields
{
    /// <summary>
    /// Declares <c>verbNoun(input: VerbNounInput!): VerbNounPayload!</c> on the root Mutation type, the
    /// input and payload types derived from the records (<see cref="InputType{TInput}"/>, <see cref="PayloadType{TPayload}"/>):
    /// <code>
    /// mutation.Command&lt;CreateClubInput, CreateClubPayload&gt;("createClub")
    ///     .Description("Creates a club (admins only).")
    ///     .AuthorizeWithRoles(Roles.Admin)
    ///     .Run&lt;ClubsDbContext&gt;(async (command, input) =&gt; …);
    /// </code>
    /// </summary>
    public static CommandField<TInput, TPayload> Command<TInput, TPayload>(this ObjectGraphType mutation, string name)
        where TPayload : Payload
    {
        ArgumentNullException.ThrowIfNull(mutation);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var field = new FieldType
        {
            Name = name,
            Type = typeof(NonNullGraphType<PayloadType<TPayload>>),
            Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<InputType<TInput>>> { Name = "input" }),
        };
        mutation.AddField(field);
        return new CommandField<TInput, TPayload>(field);
    }
}
