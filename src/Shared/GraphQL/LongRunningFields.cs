using GraphQL;
using GraphQL.Types;

namespace CertifyTrack.Shared.GraphQL;

/// <summary>
/// A root field whose work is legitimately long (a 10,000-row import) may ask for more time than
/// <c>GraphQL:Limits:ExecutionTimeout</c>: an operation that selects it runs under the longer of
/// the two. The field's own timeout comes from its module's configuration, read per request.
/// </summary>
public static class LongRunningFields
{
    public const string MetadataKey = "certifytrack:executionTimeout";

    /// <summary>Marks <paramref name="field"/> as needing up to <paramref name="timeout"/> (resolved from the request's services).</summary>
    public static FieldType WithExecutionTimeout(this FieldType field, Func<IServiceProvider, TimeSpan> timeout)
    {
        ArgumentNullException.ThrowIfNull(field);
        field.Metadata[MetadataKey] = timeout;
        return field;
    }

    /// <summary>The time <paramref name="field"/> asks for, if it asks for any.</summary>
    public static TimeSpan? ExecutionTimeout(this FieldType field, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.GetMetadata<Func<IServiceProvider, TimeSpan>?>(MetadataKey) is { } timeout ? timeout(services) : null;
    }
}
