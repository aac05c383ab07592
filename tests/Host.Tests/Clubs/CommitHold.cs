using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Clubs;

/// <summary>
/// Holds the commit of a request that carries <see cref="Header"/> until <see cref="Release"/>: its writes (and
/// row locks) are in place but not yet committed, so a second request can be sent into exactly that window.
/// </summary>
internal sealed class CommitHold(IHttpContextAccessor http) : DbTransactionInterceptor
{
    public const string Header = "X-Test-Hold-Commit";

    private TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a held request has reached its commit.</summary>
    public Task Reached => reached.Task;

    public static void AddTo(IServiceCollection services)
    {
        services.AddSingleton<CommitHold>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<CommitHold>());
    }

    public void Arm()
    {
        reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Release() => released.TrySetResult();

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (http.HttpContext?.Request.Headers.ContainsKey(Header) == true)
        {
            reached.TrySetResult();
            await released.Task.WaitAsync(TimeSpan.FromSeconds(60), CancellationToken.None);
        }

        return result;
    }
}
