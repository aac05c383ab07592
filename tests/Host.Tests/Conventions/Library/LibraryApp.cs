using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json.Nodes;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Shared.GraphQL;
using CertifyTrack.Shared.GraphQL.Types;
using CertifyTrack.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Conventions.Library;

/// <summary>The real host with the Library test module, its tables created, and its SQL counted.</summary>
internal sealed class LibraryApp : IAsyncDisposable
{
    private LibraryApp(TestApp app, HttpClient client, SqlLog sql)
    {
        App = app;
        Client = client;
        Sql = sql;
    }

    public TestApp App { get; }

    public HttpClient Client { get; }

    /// <summary>Every SQL statement the Library context ran.</summary>
    public SqlLog Sql { get; }

    public static async Task<LibraryApp> StartAsync(string provider)
    {
        var sql = new SqlLog();
        var app = await TestApp.StartAsync(provider, services =>
        {
            services.AddPooledDbContextFactory<LibraryDbContext>((sp, options) => options
                .UseModuleDatabase(sp.GetRequiredService<DatabaseSettings>(), "LibraryTest")
                .AddInterceptors(sql));
            services.AddSingleton<IGraphQLModule, LibraryGraphQLModule>();
            services.AddGraphTypeMapping<Author, AuthorType>();
        });
        var client = app.CreateClient();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<LibraryDbContext>>()
            .CreateDbContextAsync(TestContext.Current.CancellationToken);
        await db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync(TestContext.Current.CancellationToken);
        return new LibraryApp(app, client, sql);
    }

    public Task<LibraryDbContext> CreateDbContextAsync() =>
        App.Services.GetRequiredService<IDbContextFactory<LibraryDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

    public async Task AddAsync(params object[] rows)
    {
        await using var db = await CreateDbContextAsync();
        db.AddRange(rows);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Runs a query over HTTP with a fresh SQL log; returns the whole response body.</summary>
    public async Task<JsonObject> QueryAsync(string query, object? variables = null)
    {
        Sql.Clear();
        var (_, body) = await Client.PostGraphQLAsync(query, variables, accept: "application/json");
        return body;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>Records the text of every command a context runs.</summary>
internal sealed class SqlLog : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> statements = new();

    public IReadOnlyList<string> Statements => [.. statements];

    public void Clear() => statements.Clear();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        statements.Enqueue(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        statements.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        statements.Enqueue(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        statements.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }
}
