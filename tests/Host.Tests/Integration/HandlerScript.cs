using System.Collections.Concurrent;

namespace CertifyTrack.Host.Tests.Integration;

/// <summary>
/// What the test handlers of one host instance do per (handler, text): fail the next n attempts,
/// fail until fixed (poison), wait for a barrier, or block until cancelled. Logs every attempt.
/// </summary>
internal sealed class HandlerScript
{
    private readonly ConcurrentDictionary<string, int> failures = new();
    private readonly ConcurrentDictionary<string, bool> poisoned = new();
    private readonly ConcurrentDictionary<string, Barrier> barriers = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> blocked = new();

    /// <summary>Every attempt in order: <c>handler:text:ok</c> or <c>handler:text:failed</c>.</summary>
    public ConcurrentQueue<string> Log { get; } = new();

    public void FailTimes(string handler, string text, int times) => failures[Key(handler, text)] = times;

    public void Poison(string handler, string text) => poisoned[Key(handler, text)] = true;

    public void Fix(string handler, string text) => poisoned[Key(handler, text)] = false;

    /// <summary>Attempts of <paramref name="text"/> wait for each other, <paramref name="parties"/> at a time.</summary>
    public void Meet(string handler, string text, int parties) => barriers[Key(handler, text)] = new Barrier(parties);

    /// <summary>Attempts of <paramref name="text"/> block until cancelled; the task completes when one has begun.</summary>
    public Task Block(string handler, string text) => blocked.GetOrAdd(Key(handler, text), _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public int Attempts(string handler, string text) => Log.Count(l => l.StartsWith(Key(handler, text) + ":", StringComparison.Ordinal));

    public async Task AttemptAsync(string handler, string text, CancellationToken cancellationToken)
    {
        var key = Key(handler, text);
        if (blocked.TryGetValue(key, out var begun))
        {
            begun.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (barriers.TryGetValue(key, out var barrier))
        {
            barrier.SignalAndWait(TimeSpan.FromSeconds(30), cancellationToken);
        }

        var fail = poisoned.GetValueOrDefault(key) || TakeFailure(key);
        Log.Enqueue($"{key}:{(fail ? "failed" : "ok")}");
        if (fail)
        {
            throw new InvalidOperationException($"Scripted failure of {key}");
        }
    }

    private bool TakeFailure(string key)
    {
        while (failures.TryGetValue(key, out var left) && left > 0)
        {
            if (failures.TryUpdate(key, left - 1, left))
            {
                return true;
            }
        }

        return false;
    }

    private static string Key(string handler, string text) => $"{handler}:{text}";
}
