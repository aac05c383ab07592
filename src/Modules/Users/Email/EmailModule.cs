using CertifyTrack.Modules.Users.Persistence;
using CertifyTrack.Shared.Email;
using CertifyTrack.Shared.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CertifyTrack.Modules.Users.Email;

internal static class EmailModule
{
    /// <summary>The outbox, its worker, the templates, and SMTP or the pickup directory as transport.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section));
        foreach (var template in EmbeddedEmailTemplates.Load())
        {
            services.AddSingleton(template);
        }

        services.AddSingleton<EmailTemplates>();
        services.AddSingleton<EmailThrottle>();
        services.AddSingleton<EmailThrottleSweep>();
        services.AddHostedService<PeriodicSweepService<EmailThrottleSweep>>();
        services.AddSingleton<EmailOutbox>();
        services.AddSingleton<IEmailOutbox>(sp => sp.GetRequiredService<EmailOutbox>());
        services.TryAddSingleton<IEmailSender>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<EmailOptions>>().Value.Smtp.Host)
                ? ActivatorUtilities.CreateInstance<PickupDirectoryEmailSender>(sp)
                : ActivatorUtilities.CreateInstance<SmtpEmailSender>(sp));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxWorker>();
        services.AddIntegrationEventHandler<EmailQueued, EmailQueuedHandler>();
        return services;
    }
}
