using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Events;

/// <summary>
/// Records the SQL every module context runs on behalf of an HTTP request (background work, which has no
/// request, is left out): register with <see cref="AddTo"/>, <see cref="Clear"/> before a query, then count.
/// </summary>
internal sealed class RequestSqlLog(IHttpContextAccessor http) : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> statements = new();

    public IReadOnlyList<string> Statements => [.. statements];

    public static void AddTo(IServiceCollection services)
    {
        services.AddSingleton<RequestSqlLog>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<RequestSqlLog>());
    }

    /// <summary>The statements that read or write <paramref name="table"/>.</summary>
    public int CountOn(string table) => Statements.Count(s => s.Contains(table, StringComparison.Ordinal));

    public void Clear() => statements.Clear();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        if (http.HttpContext is not null)
        {
            statements.Enqueue(command.CommandText);
        }
    }
}
