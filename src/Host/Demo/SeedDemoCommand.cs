using CertifyTrack.Host.Persistence;
using CertifyTrack.Shared.Demo;

namespace CertifyTrack.Host.Demo;

/// <summary>
/// <c>--seed-demo</c>: runs every module's <see cref="IDemoSeeder"/> in module order and prints the
/// demo logins once. Alone it migrates first (whatever <c>Database:MigrateOnStart</c> says: the
/// demo needs the tables) and the host then serves, so one command gives a newcomer a running API
/// with people to sign in as; after <c>migrate</c> it seeds and the host exits. Idempotent: a second
/// run creates nothing and says what already exists. Exit code 1 when a seeder fails, and outside
/// Development unless <see cref="AllowSetting"/> is true (a production database must not get
/// demo accounts by accident).
/// </summary>
internal static class SeedDemoCommand
{
    public const string Flag = "--seed-demo";

    /// <summary>A known password for every new demo account; unset means one generated password each.</summary>
    public const string PasswordSetting = "CERTIFYTRACK_DEMO_PASSWORD";

    /// <summary>Outside Development the demo accounts (active, verified, passwords printed) need this set to true.</summary>
    public const string AllowSetting = "Demo:AllowOutsideDevelopment";

    public static bool IsRequested(IEnumerable<string> args) => args.Contains(Flag, StringComparer.Ordinal);

    public static async Task<int> RunAsync(IServiceProvider services, bool migrate, TextWriter console, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SeedDemoCommand).FullName!);
        var module = "";
        if (!services.GetRequiredService<IHostEnvironment>().IsDevelopment()
            && !services.GetRequiredService<IConfiguration>().GetValue<bool>(AllowSetting))
        {
            logger.LogCritical(
                "--seed-demo creates active accounts and prints their passwords; outside Development set {Setting}=true to allow it",
                AllowSetting);
            return 1;
        }

        try
        {
            if (migrate)
            {
                await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            }

            var seeding = new DemoSeeding(services.GetRequiredService<IConfiguration>()[PasswordSetting]);
            foreach (var seeder in services.GetServices<IDemoSeeder>())
            {
                module = seeder.Module;
                logger.LogInformation("Seeding the demo data of module {Module}", module);
                await seeder.SeedAsync(seeding, cancellationToken);
            }

            await DemoLoginTable.WriteAsync(console, seeding);
            return 0;
        }
        catch (DemoSeedingException exception)
        {
            logger.LogCritical("Seeding the demo data of module {Module} failed: {Reason}", module, exception.Message);
            return 1;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogCritical(exception, "Seeding the demo data failed{InModule}; modules seeded before the failure keep their demo data",
                module.Length == 0 ? "" : $" in module {module}");
            return 1;
        }
    }
}
