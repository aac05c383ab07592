using CertifyTrack.Benchmarks.Common;
using CertifyTrack.Shared.Events;
using CertifyTrack.Shared.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Outbox.Benchmarks;

internal static class BenchModule
{
    /// <summary>
    /// The real host on PostgreSQL with the bench module: its context, one durable handler, and a
    /// recorder shared by every instance of the run.
    /// </summary>
    public static BenchHost Host(string connectionString, BenchRecorder recorder)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "postgres",
            ["ConnectionStrings:Default"] = connectionString,
        }).Build();
        return new BenchHost("postgres", connectionString).Configure(builder => builder.ConfigureServices(services => services
            .AddModuleDbContext<BenchDbContext, BenchSqliteDbContext, BenchPostgresDbContext>(configuration, "OutboxBench")
            .AddSingleton(recorder)
            .AddDurableIntegrationEventHandler<BenchPing, BenchDbContext, BenchHandler>("bench.record")));
    }
}
