namespace CertifyTrack.Host.Events;

/// <summary>A topic as <see cref="IAsyncEnumerable{T}"/>: subscribes when the enumeration starts.</summary>
internal sealed class TopicEnumerable<T>(Func<CancellationToken, TopicSubscription<T>> open) : IAsyncEnumerable<T>
    where T : class
{
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) => open(cancellationToken);
}

/// <summary>
/// A topic as <see cref="IObservable{T}"/>: subscribes inside <c>Subscribe</c>, then pushes each
/// message to the observer from the thread pool, one at a time; <c>OnCompleted</c> when the host
/// stops. Disposing the returned handle unsubscribes.
/// </summary>
internal sealed class TopicObservable<T>(Func<CancellationToken, TopicSubscription<T>> open, ILogger logger) : IObservable<T>
    where T : class
{
    public IDisposable Subscribe(IObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var stop = new CancellationTokenSource();
        var subscription = open(stop.Token);
        _ = PumpAsync(subscription, observer, stop.Token);
        return new Unsubscriber(stop);
    }

    private async Task PumpAsync(TopicSubscription<T> subscription, IObserver<T> observer, CancellationToken stop)
    {
        await using var _ = subscription;
        try
        {
            while (await subscription.MoveNextAsync())
            {
                observer.OnNext(subscription.Current);
            }

            observer.OnCompleted();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Unsubscribed: an observer hears nothing more.
        }
#pragma warning disable CA1031 // The observer's own failure ends only its subscription.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.LogError(exception, "A subscriber of topic {Topic} failed; it is unsubscribed", subscription.TopicName);
        }
    }

    private sealed class Unsubscriber(CancellationTokenSource stop) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                stop.Cancel();
                stop.Dispose();
            }
        }
    }
}
