using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CertifyTrack.Host.Tests.Infrastructure;

/// <summary>
/// The real host over a test's own database. <see cref="StartKestrelAsync"/> serves it on a
/// real loopback port for clients outside the process (node suites, Chromium, WebSockets).
/// Several apps may share one <see cref="TestDatabase"/> (two host instances); the test then owns it.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    private readonly TestDatabase database;
    private readonly bool ownsDatabase;
    private readonly Action<IServiceCollection>? configureServices;
    private readonly IReadOnlyDictionary<string, string?> settings;
    private bool kestrel;

    private TestApp(TestDatabase database, bool ownsDatabase, Action<IServiceCollection>? configureServices, IReadOnlyDictionary<string, string?>? settings)
    {
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        this.configureServices = configureServices;
        this.settings = settings ?? new Dictionary<string, string?>();
    }

    public TestDatabase Database => database;

    public static async Task<TestApp> StartAsync(
        string provider = "sqlite",
        Action<IServiceCollection>? configureServices = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        return new TestApp(database, ownsDatabase: true, configureServices, settings);
    }

    /// <summary>An app over a database the caller owns and disposes after the app.</summary>
    public static TestApp Start(
        TestDatabase database,
        Action<IServiceCollection>? configureServices = null,
        IReadOnlyDictionary<string, string?>? settings = null) =>
        new(database, ownsDatabase: false, configureServices, settings);

    /// <summary>Serves the app on a free loopback port and returns its base address.</summary>
    public Uri StartKestrel()
    {
        // Not UseKestrel(0): it rewrites the server addresses after the app is built, racing the
        // app's own start, and fails under load (dotnet/aspnetcore#67714). A port-0 URL setting
        // lets Kestrel pick the port; the factory reads the bound address back.
        kestrel = true;
        UseKestrel();
        StartServer();
        return ClientOptions.BaseAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", database.ProviderName);
        builder.UseSetting("ConnectionStrings:Default", database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStart", "true");

        // Tests run far more operations a minute, as one user from one address, than the
        // production limits allow. The limiter stays on; the rate limit tests set small limits.
        builder.UseSetting("GraphQL:RateLimits:PerUser", "1000000");
        builder.UseSetting("GraphQL:RateLimits:PerIp", "1000000");
        // Events' 24 h reminder sweep would run in the background whenever a test moves the fake clock, adding
        // notifications and SQL to tests that count them; the reminder tests run it themselves or turn it on.
        builder.UseSetting("Events:ReminderSweepSeconds", "0");
        if (kestrel)
        {
            builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        }
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (configureServices is not null)
        {
            builder.ConfigureServices(configureServices);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsDatabase)
        {
            await database.DisposeAsync();
        }
    }
}
