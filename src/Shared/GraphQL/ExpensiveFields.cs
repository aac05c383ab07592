using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace CertifyTrack.Shared.GraphQL;

/// <summary>Costly work a root field may do, which the rate limits weigh (docs/adr/0010).</summary>
public enum ExpensiveWork
{
    /// <summary>Hashes or checks a password (PBKDF2): tens of milliseconds of CPU. At most one such field per request.</summary>
    PasswordHashing,

    /// <summary>Queues email: mail to people who may not have asked for it.</summary>
    Email,

    /// <summary>Renders a PDF in Chromium: a fraction of a CPU second.</summary>
    PdfRendering,
}

/// <summary>
/// Declares the expensive work of a root field: <c>.Expensive(ExpensiveWork.PasswordHashing, ExpensiveWork.Email)</c>.
/// The host weighs each such field in the rate limits and refuses a request that selects more than one
/// field hashing a password. The declaration is checked while the field runs: a root field that hashes a
/// password or queues mail without declaring it fails (<see cref="EnsureDeclared"/>), so a new mutation
/// cannot forget it.
/// </summary>
public static class ExpensiveFields
{
    public const string MetadataKey = "certifytrack:expensiveWork";

    private static readonly AsyncLocal<FieldType?> Running = new();

    public static FieldType Expensive(this FieldType field, params ExpensiveWork[] work)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(work);
        field.Metadata[MetadataKey] = work.Concat(field.ExpensiveWork()).Distinct().ToArray();
        return field;
    }

    /// <summary>The same for a field declared with a builder (<c>query.Field&lt;…&gt;("certificatePdf")…</c>).</summary>
    public static FieldBuilder<TSource, TReturn> Expensive<TSource, TReturn>(this FieldBuilder<TSource, TReturn> builder, params ExpensiveWork[] work)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.FieldType.Expensive(work);
        return builder;
    }

    /// <summary>The work <paramref name="field"/> declared; empty for an ordinary field.</summary>
    public static IReadOnlyList<ExpensiveWork> ExpensiveWork(this FieldType field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.GetMetadata<ExpensiveWork[]?>(MetadataKey) ?? [];
    }

    /// <summary>
    /// Runs <paramref name="resolve"/> as the root field <paramref name="field"/> (the host wraps every
    /// root resolver in it), so that <see cref="EnsureDeclared"/> knows which field is running.
    /// </summary>
    public static async ValueTask<object?> RunAsRootFieldAsync(FieldType field, Func<ValueTask<object?>> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        Running.Value = field; // flows into the resolver's awaits only; the caller's value is untouched
        return await resolve().ConfigureAwait(false);
    }

    /// <summary>
    /// Ends the root field's scope for the rest of the calling async method (and what it awaits): for work
    /// a field's commit releases but that is not the field's own, such as integration-event handlers run
    /// after the commit. The caller's own flow keeps its field once that method returns.
    /// </summary>
    public static void LeaveRootField() => Running.Value = null;

    /// <summary>
    /// Called where the work happens (password hashing, the email outbox): inside a GraphQL root field that
    /// did not declare <paramref name="work"/>, throws. Outside GraphQL (sign-in, background workers) it passes.
    /// </summary>
    public static void EnsureDeclared(ExpensiveWork work)
    {
        if (Running.Value is { } field && !field.ExpensiveWork().Contains(work))
        {
            throw new InvalidOperationException(
                $"The root field '{field.Name}' does {work} without declaring it: add .Expensive(ExpensiveWork.{work}) to its declaration.");
        }
    }
}
