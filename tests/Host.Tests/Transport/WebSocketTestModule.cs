using CertifyTrack.Shared.GraphQL;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Transport;

/// <summary>
/// Values a test pushes to every subscriber of <c>wsFeed</c>; it also counts the observers, so
/// a test sees when the server subscribes and when it lets go.
/// </summary>
public sealed class TestFeed
{
    private readonly Lock gate = new();
    private readonly List<IObserver<string>> observers = [];
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int ObserverCount
    {
        get
        {
            lock (gate)
            {
                return observers.Count;
            }
        }
    }

    public IObservable<string> Observe() => new FeedObservable(this);

    public void Push(string value) => Each(o => o.OnNext(value));

    public void Complete() => Each(o => o.OnCompleted());

    public void Fail(Exception error) => Each(o => o.OnError(error));

    /// <summary>Waits until exactly <paramref name="count"/> observers are subscribed.</summary>
    public async Task WaitForObserversAsync(int count)
    {
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (observers.Count == count)
                {
                    return;
                }

                next = changed.Task;
            }

            await next.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        }
    }

    private void Each(Action<IObserver<string>> action)
    {
        IObserver<string>[] snapshot;
        lock (gate)
        {
            snapshot = [.. observers];
        }

        foreach (var observer in snapshot)
        {
            action(observer);
        }
    }

    private void Change(Action<List<IObserver<string>>> change)
    {
        TaskCompletionSource signal;
        lock (gate)
        {
            change(observers);
            signal = changed;
            changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        signal.TrySetResult();
    }

    private sealed class FeedObservable(TestFeed feed) : IObservable<string>
    {
        public IDisposable Subscribe(IObserver<string> observer)
        {
            feed.Change(list => list.Add(observer));
            return new Unsubscriber(feed, observer);
        }
    }

    private sealed class Unsubscriber(TestFeed feed, IObserver<string> observer) : IDisposable
    {
        public void Dispose() => feed.Change(list => list.Remove(observer));
    }
}

/// <summary>A test-only module: a query, a mutation and subscriptions over <see cref="TestFeed"/>.</summary>
public sealed class WebSocketTestModule(TestFeed feed) : IGraphQLModule
{
    private int counter;

    public string Name => "WebSocketTest";

    public void AddQueryFields(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<StringGraphType>("wsWhoAmI")
            .Description("The user id of the connection, null when anonymous.")
            .AllowAnonymous()
            .Resolve(context => context.User?.FindFirst("sub")?.Value);
        query.Field<StringGraphType>("wsEcho")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .AllowAnonymous()
            .Resolve(context => context.GetArgument<string>("text"));
    }

    public void AddMutationFields(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<IntGraphType>("wsIncrement")
            .AllowAnonymous()
            .Resolve(_ => Interlocked.Increment(ref counter));
    }

    public void AddSubscriptionFields(ObjectGraphType subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        subscription.Field<StringGraphType>("wsFeed")
            .Description("Every value the test pushes.")
            .AllowAnonymous()
            .ResolveStream(_ => feed.Observe());
        subscription.Field<StringGraphType>("wsStudentFeed")
            .Description("The same values, for students only (enforced by the authorization rule).")
            .AuthorizeWithRoles("student")
            .ResolveStream(_ => feed.Observe());
    }
}

public static class WebSocketTestModuleExtensions
{
    public static IServiceCollection AddWebSocketTestModule(this IServiceCollection services, TestFeed feed)
    {
        services.AddSingleton(feed);
        services.AddSingleton<IGraphQLModule, WebSocketTestModule>();
        return services;
    }
}
