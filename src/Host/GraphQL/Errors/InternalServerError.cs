using GraphQL;

namespace CertifyTrack.Host.GraphQL.Errors;

/// <summary>
/// What a client sees of an unexpected fault: a fixed message with a reference, the code
/// <c>INTERNAL_SERVER_ERROR</c> and the <c>correlationId</c> that finds the logged exception.
/// No exception text or type reaches the client.
/// </summary>
internal sealed class InternalServerError : ExecutionError
{
    public InternalServerError(string correlationId)
        : base(MessageFor(correlationId))
    {
        Code = "INTERNAL_SERVER_ERROR";
        Extensions = new Dictionary<string, object?> { ["correlationId"] = correlationId };
    }

    public static string MessageFor(string correlationId) => $"An unexpected error occurred. Reference: {correlationId}";
}
