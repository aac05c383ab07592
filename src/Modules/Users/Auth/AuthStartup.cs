using Microsoft.Extensions.Hosting;

namespace CertifyTrack.Modules.Users.Auth;

/// <summary>At start-up (after the migrations): registers the configured clients and bootstraps the admin.</summary>
internal sealed class AuthStartup(ClientRegistration clients, AdminBootstrap admin) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await clients.RegisterAsync(cancellationToken);
        await admin.EnsureAdminAsync(Console.Out, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
