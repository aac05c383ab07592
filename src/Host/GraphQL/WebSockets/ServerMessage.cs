using GraphQL.Transport;

namespace CertifyTrack.Host.GraphQL.WebSockets;

/// <summary>One message to the client; <see cref="Operation"/> lets a <c>next</c> of a stopped operation be dropped.</summary>
internal readonly record struct ServerMessage(string Type, string? Id = null, object? Payload = null, WebSocketOperation? Operation = null)
{
    public const string ConnectionAck = "connection_ack";
    public const string Pong = "pong";
    public const string Next = "next";
    public const string Error = "error";
    public const string Complete = "complete";

    public OperationMessage ToOperationMessage() => new() { Type = Type, Id = Id, Payload = Payload };
}
