using System.Collections.Concurrent;
using System.Diagnostics;
using CertifyTrack.Modules.Users.Accounts;

namespace CertifyTrack.Host.Tests.Auth;

/// <summary>
/// Counts the <c>password.verify</c> spans (one per password checked, <see cref="PasswordHashing"/>)
/// of the requests a test sends under its own W3C trace, so that other tests' spans do not count.
/// </summary>
internal sealed class PasswordChecks : IDisposable
{
    private readonly ConcurrentDictionary<ActivityTraceId, int> counts = new();
    private readonly ActivityListener listener;

    public PasswordChecks()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is PasswordHashing.ActivitySourceName or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == PasswordHashing.ActivitySourceName && activity.OperationName == "password.verify")
                {
                    counts.AddOrUpdate(activity.TraceId, 1, (_, n) => n + 1);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    public ActivityTraceId Trace { get; } = ActivityTraceId.CreateRandom();

    /// <summary>Passwords checked by the requests sent with <see cref="Tag"/>.</summary>
    public int Count => counts.GetValueOrDefault(Trace);

    /// <summary>Sends the request as part of this counter's trace.</summary>
    public HttpRequestMessage Tag(HttpRequestMessage request)
    {
        request.Headers.Add("traceparent", $"00-{Trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        return request;
    }

    public void Dispose() => listener.Dispose();
}
