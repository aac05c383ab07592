using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CertifyTrack.Modules.Users.Auth;

/// <summary>
/// At start-up (after the migrations): registers the configured clients and bootstraps the admin
/// (unless <c>Auth:BootstrapAdmin</c> is false). A database that does not answer yet does not stop
/// the host: the readiness check reports it, and the next start completes the work.
/// </summary>
internal sealed class AuthStartup(ClientRegistration clients, AdminBootstrap admin, IConfiguration configuration, ILogger<AuthStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await clients.RegisterAsync(cancellationToken);
            if (configuration.GetValue("Auth:BootstrapAdmin", defaultValue: true))
            {
                await admin.EnsureAdminAsync(Console.Out, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Registering the OAuth clients or bootstrapping the admin failed; tokens cannot be issued until a restart succeeds");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
