using CertifyTrack.Shared.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CertifyTrack.Host.Events;

/// <summary>
/// Keeps one dedicated connection in <c>LISTEN</c> on the bus channel and hands other instances'
/// messages to the local subscribers. Its own messages were delivered locally at commit: their
/// echo (same origin) is skipped. When the connection dies it reconnects and listens again,
/// waiting <see cref="EventBusOptions.ReconnectDelay"/>, doubled per failure up to
/// <see cref="EventBusOptions.MaxReconnectDelay"/>. Messages sent while it is down are lost
/// to this instance; the rows they point at are not.
/// </summary>
internal sealed partial class PostgresBusListener(
    DatabaseSettings settings,
    IOptions<EventBusOptions> options,
    BusInstance instance,
    LocalTopics topics,
    ListenerStatus status,
    TimeProvider time,
    ILogger<PostgresBusListener> logger) : BackgroundService
{
    private readonly RecentMessageIds recent = new(1024);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = options.Value.ReconnectDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Whatever broke the connection, the listener reconnects.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                if (status.BackendProcessId is not null)
                {
                    delay = options.Value.ReconnectDelay; // it was up: start the backoff again
                }

                status.Lost();
                LogLost(exception, delay);
                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.MaxReconnectDelay.Ticks));
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString)
        {
            ApplicationName = status.ApplicationName,
            Pooling = false,
            KeepAlive = options.Value.ListenerKeepAliveSeconds,
        };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Notification += OnNotification;
        await connection.OpenAsync(stoppingToken);
#pragma warning disable CA2100 // The channel is a validated identifier (EventBusOptions.Validate); LISTEN takes no parameter.
        await using (var listen = new NpgsqlCommand($"LISTEN {options.Value.Channel}", connection))
#pragma warning restore CA2100
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        status.Listening(connection.ProcessID);
        LogListening(options.Value.Channel, connection.ProcessID);
        while (true)
        {
            await connection.WaitAsync(stoppingToken);
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs notification)
    {
        var envelope = TopicEnvelope.Parse(notification.Payload);
        if (envelope is null)
        {
            LogForeign(notification.Channel);
        }
        else if (envelope.Origin != instance.Id && recent.Add(envelope.Id))
        {
            topics.Deliver(envelope); // never throws: subscribers only queue, or log what they cannot read
        }
    }

    [LoggerMessage(LogLevel.Information, "Event bus listening on channel {Channel} (backend {ProcessId})")]
    private partial void LogListening(string channel, int processId);

    [LoggerMessage(LogLevel.Warning, "Event bus listener lost its PostgreSQL connection; reconnecting in {Delay}")]
    private partial void LogLost(Exception exception, TimeSpan delay);

    [LoggerMessage(LogLevel.Warning, "Event bus ignored a notification on {Channel} that is not one of its messages")]
    private partial void LogForeign(string channel);
}
