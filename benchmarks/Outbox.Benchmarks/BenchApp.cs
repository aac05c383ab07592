using CertifyTrack.Shared.Events;
using CertifyTrack.Shared.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Outbox.Benchmarks;

/// <summary>
/// The real host (Production environment, logging at Warning) with the bench module: its context,
/// one durable handler, and a recorder shared by every instance of the run.
/// </summary>
internal sealed class BenchApp(string connectionString, BenchRecorder recorder) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", "postgres");
        builder.UseSetting("ConnectionStrings:Default", connectionString);
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.StaticFiles", "Error");
        builder.UseSetting("Email:Outbox:RunWorker", "false");
        builder.UseSetting("CERTIFYTRACK_ADMIN_PASSWORD", "Bench-Admin-Pass-1");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "postgres",
            ["ConnectionStrings:Default"] = connectionString,
        }).Build();
        builder.ConfigureServices(services => services
            .AddModuleDbContext<BenchDbContext, BenchSqliteDbContext, BenchPostgresDbContext>(configuration, "OutboxBench")
            .AddSingleton(recorder)
            .AddDurableIntegrationEventHandler<BenchPing, BenchDbContext, BenchHandler>("bench.record"));
    }
}
