using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CertifyTrack.Notification.Benchmarks;

/// <summary>
/// The real host on a given database (Production environment). The outbox worker is off so that
/// delivering mail does not compete with the measured calls; the rows stay in the outbox.
/// </summary>
internal sealed class BenchApp(string provider, string connectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("ConnectionStrings:Default", connectionString);
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Email:Outbox:RunWorker", "false");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.StaticFiles", "Error");
        builder.UseSetting("CERTIFYTRACK_ADMIN_PASSWORD", "Bench-Admin-Pass-1");
    }
}
