using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CertifyTrack.Host.Tests.Users;

/// <summary>
/// Holds the first transaction of each request that carries the <see cref="Header"/> until
/// <see cref="Arm"/>'s number of them are waiting, then lets them all go at once: every such request
/// has passed its checks before any writes, so the race on the unique indexes always happens.
/// </summary>
internal sealed class TransactionBarrier(IHttpContextAccessor http) : DbTransactionInterceptor
{
    public const string Header = "X-Test-Race";

    private readonly object gate = new();
    private TaskCompletionSource all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int expected;
    private int arrived;

    /// <summary>How many requests reached the barrier since <see cref="Arm"/>.</summary>
    public int Arrived => Volatile.Read(ref arrived);

    public void Arm(int participants)
    {
        lock (gate)
        {
            expected = participants;
            arrived = 0;
            all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        var context = http.HttpContext;
        if (context is not null && context.Request.Headers.ContainsKey(Header) && context.Items.TryAdd(typeof(TransactionBarrier), true))
        {
            Task wait;
            lock (gate)
            {
                if (++arrived == expected)
                {
                    all.TrySetResult();
                }

                wait = all.Task;
            }

            await wait.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        }

        return result;
    }
}
