using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CertifyTrack.Benchmarks.Common;

/// <summary>
/// The real CertifyTrack host (its own <c>Program</c>) on a given database, as a benchmark runs it:
/// Production environment, migrations on start, logging at Warning, the e-mail outbox worker off (its
/// deliveries would compete with what is measured; queued rows stay), a fixed bootstrap admin password.
/// <see cref="RaiseLimits"/> lifts the per-user, per-address and sign-in rate limits for load runs
/// (the limiters stay on, so their cost is measured); <see cref="Configure"/> adds a benchmark's own
/// settings or services. In process (<c>CreateClient</c>) or on Kestrel (<see cref="StartKestrel"/>).
/// </summary>
public sealed class BenchHost(string provider, string connectionString) : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Bench-Admin-Pass-1";

    /// <summary>Far above what one load driver sends: 10⁹ per window.</summary>
    private const string Unreachable = "1000000000";

    private readonly Dictionary<string, string> settings = [];
    private readonly List<Action<IWebHostBuilder>> configure = [];

    /// <summary>SQLite, PostgreSQL: <c>Database:Provider</c>.</summary>
    public string Provider { get; } = provider;

    /// <summary>Sets a configuration key for the host (before it starts).</summary>
    public BenchHost With(string key, string value)
    {
        settings[key] = value;
        return this;
    }

    /// <summary>Raises every rate limit a benchmark's single client would hit: GraphQL per user and per address, sign-in.</summary>
    public BenchHost RaiseLimits() => With("GraphQL:RateLimits:PerUser", Unreachable)
        .With("GraphQL:RateLimits:PerIp", Unreachable)
        .With("Auth:RequestsPerMinutePerIp", Unreachable)
        .With("Auth:AttemptsPerMinutePerUsername", Unreachable);

    /// <summary>
    /// Lets scripts sign in with the password grant over plain loopback HTTP, as
    /// <see cref="BenchStudents.SignInAsync"/> does; the signing keys go to <paramref name="keysDirectory"/>.
    /// </summary>
    public BenchHost AllowPasswordSignIn(string keysDirectory) => With("Auth:AllowPasswordGrant", "true")
        .With("Auth:RequireHttps", "false")
        .With("Auth:KeysDirectory", keysDirectory);

    /// <summary>A benchmark's own services or settings (a bench module, a recorder).</summary>
    public BenchHost Configure(Action<IWebHostBuilder> action)
    {
        configure.Add(action);
        return this;
    }

    /// <summary>Starts the host on Kestrel at a free 127.0.0.1 port; returns its loopback address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        return new UriBuilder(ClientOptions.BaseAddress) { Host = IPAddress.Loopback.ToString() }.Uri;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The factory looks for its content-root manifest in the current directory, which
        // `dotnet run --project` leaves at the caller's; the output folder holds the host's appsettings.
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Default", connectionString);
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Neither the host's folder nor the output folder has a wwwroot; that start-up warning is noise here.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.StaticFiles", "Error");
        builder.UseSetting("Email:Outbox:RunWorker", "false");
        builder.UseSetting("CERTIFYTRACK_ADMIN_PASSWORD", AdminPassword);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        foreach (var action in configure)
        {
            action(builder);
        }
    }
}
