using System.Diagnostics;
using GraphQL;
using GraphQL.Execution;

namespace CertifyTrack.Host.GraphQL.Errors;

/// <summary>
/// graphql-dotnet's unhandled exception delegate: logs the exception with a correlation id
/// (the request's trace id, so the log line, the trace and the client's error meet) and
/// answers an <see cref="InternalServerError"/> instead. Only when exception details are
/// exposed (Development, explicitly configured) the original exception stays attached.
/// </summary>
internal sealed partial class UnhandledErrorMasker(ILogger<UnhandledErrorMasker> logger, bool exposeDetails)
{
    public Task HandleAsync(UnhandledExceptionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.OriginalException is ExecutionError intended)
        {
            // Meant for the client (a subscription's event stream may end with one): pass it on.
            context.Exception = intended;
            return Task.CompletedTask;
        }

        var correlationId = (Activity.Current?.TraceId ?? ActivityTraceId.CreateRandom()).ToHexString();
        var field = context.FieldContext is { } f ? string.Join('.', f.Path) : "(document)";
        LogUnhandled(logger, context.OriginalException, field, correlationId);
        if (exposeDetails)
        {
            context.ErrorMessage = InternalServerError.MessageFor(correlationId);
        }
        else
        {
            context.Exception = new InternalServerError(correlationId);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unhandled exception in GraphQL at {Field}; reference {CorrelationId}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string field, string correlationId);
}
