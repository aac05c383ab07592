using CertifyTrack.Shared.GraphQL.Authorization;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Shared.GraphQL.Mutations;

/// <summary>
/// What a mutation's rule code is handed by <see cref="CommandField{TInput, TPayload}"/>: the caller,
/// the clock, the request's services and cancellation. <see cref="CommandContext{TDb}"/> adds the
/// module's database, audit, notifications and events.
/// </summary>
public class CommandContext
{
    internal CommandContext(IResolveFieldContext field)
    {
        Field = field;
        Caller = Caller.Of(field.User);
        Services = field.RequestServices ?? throw new InvalidOperationException("GraphQL runs with request services.");
        Clock = Services.GetRequiredService<TimeProvider>();
    }

    /// <summary>The GraphQL field being resolved (for DataLoaders and node loaders).</summary>
    public IResolveFieldContext Field { get; }

    public Caller Caller { get; }

    public IServiceProvider Services { get; }

    public TimeProvider Clock { get; }

    /// <summary>Now, in UTC, as the database stores it (<c>DateTimeKind.Utc</c>).</summary>
    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public CancellationToken CancellationToken => Field.CancellationToken;

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();
}
