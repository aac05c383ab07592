using System.Collections.Concurrent;
using System.Diagnostics;
using CertifyTrack.Modules.Users.Accounts;

namespace CertifyTrack.Host.Tests.Limits;

/// <summary>
/// Watches the <c>password.hash</c>/<c>password.verify</c> spans of the whole process: how many ran, how
/// many per trace, and the most that ever ran at once.
/// </summary>
internal sealed class HashingProbe : IDisposable
{
    private readonly ConcurrentDictionary<ActivityTraceId, int> perTrace = new();
    private readonly ActivityListener listener;
    private int running;
    private int mostAtOnce;
    private int started;

    public HashingProbe()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is PasswordHashing.ActivitySourceName or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = activity =>
            {
                if (IsHashing(activity))
                {
                    Interlocked.Increment(ref started);
                    var now = Interlocked.Increment(ref running);
                    InterlockedMax(ref mostAtOnce, now);
                    perTrace.AddOrUpdate(activity.TraceId, 1, (_, n) => n + 1);
                }
            },
            ActivityStopped = activity =>
            {
                if (IsHashing(activity))
                {
                    Interlocked.Decrement(ref running);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    public int Started => Volatile.Read(ref started);

    public int MostAtOnce => Volatile.Read(ref mostAtOnce);

    public int In(ActivityTraceId trace) => perTrace.GetValueOrDefault(trace);

    public void Dispose() => listener.Dispose();

    private static bool IsHashing(Activity activity) =>
        activity.Source.Name == PasswordHashing.ActivitySourceName && activity.OperationName is "password.hash" or "password.verify";

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
            seen = Volatile.Read(ref target);
        }
    }
}
