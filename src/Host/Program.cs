using CertifyTrack.Host;
using CertifyTrack.Host.Demo;
using CertifyTrack.Host.Events;
using CertifyTrack.Host.GraphQL;
using CertifyTrack.Host.Integration;
using CertifyTrack.Host.Operations;
using CertifyTrack.Host.Operations.Connections;
using CertifyTrack.Host.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.Services
    .AddCertifyTrackPersistence(builder.Configuration)
    .AddCertifyTrackEventBus(builder.Configuration)
    .AddCertifyTrackModules(builder.Configuration)
    .AddCertifyTrackIntegrationEvents(builder.Configuration)
    .AddCertifyTrackGraphQL(builder.Configuration, builder.Environment)
    .AddCertifyTrackTelemetry(builder.Configuration)
    .AddCertifyTrackForwardedHeaders(builder.Configuration)
    .AddCertifyTrackConnectionLimits(builder.Configuration)
    .AddAuthentication();

var app = builder.Build();

app.Services.InitializeGraphQLSchema();

// `migrate`: apply every module's migrations and exit without serving (how production migrates);
// `migrate --seed-demo` also seeds the demo college before exiting.
var seedDemo = SeedDemoCommand.IsRequested(args);
if (MigrateCommand.IsRequested(args))
{
    var exitCode = await MigrateCommand.RunAsync(app.Services, CancellationToken.None);
    if (exitCode == 0 && seedDemo)
    {
        exitCode = await SeedDemoCommand.RunAsync(app.Services, migrate: false, Console.Out, CancellationToken.None);
    }

    await app.DisposeAsync(); // flushes the console log
    return exitCode;
}

// `--seed-demo` alone: migrate, seed the demo college, print its logins, then serve.
if (seedDemo)
{
    if (await SeedDemoCommand.RunAsync(app.Services, migrate: true, Console.Out, app.Lifetime.ApplicationStopping) != 0)
    {
        await app.DisposeAsync();
        return 1;
    }
}
else
{
    await app.MigrateOnStartAsync();
}

app.UseCertifyTrackForwardedHeaders();
app.UseStaticFiles();
app.UseCertifyTrackAuthentication();
app.UseRateLimiter();
app.UseWebSockets();
app.MapCertifyTrackHealth();
app.MapCertifyTrackGraphQL();
app.MapModuleEndpoints();
await app.RunAsync();
return 0;

/// <summary>The host's entry point, visible to the test host.</summary>
public partial class Program;
