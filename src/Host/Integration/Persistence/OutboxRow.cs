using CertifyTrack.Shared.GraphQL.Relay;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertifyTrack.Host.Integration.Persistence;

/// <summary>
/// A row of <c>integration_outbox</c>: one durable integration event for one subscribed handler.
/// Written by <see cref="IntegrationOutbox"/> with raw SQL on the publisher's own context and
/// transaction; claimed and marked delivered by <see cref="IntegrationDispatcher"/> in the handler's
/// transaction. Its unique <c>(message_id, handler)</c> is the record that the effect happened.
/// </summary>
internal sealed class OutboxRow : INode
{
    public static string TypeName => "IntegrationEvent";

    /// <summary>Insert order: messages with the same key reach a handler in this order.</summary>
    public long Id { get; set; }

    public Guid MessageId { get; set; }

    public string Handler { get; set; } = "";

    /// <summary>The event's stored name, <c>name.vN</c>.</summary>
    public string MessageType { get; set; } = "";

    public string? OrderingKey { get; set; }

    /// <summary>The event as JSON (System.Text.Json, web defaults).</summary>
    public string Payload { get; set; } = "";

    public OutboxState State { get; set; }

    /// <summary>Attempts made so far, failed ones and the one that delivered it.</summary>
    public int Attempts { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When a pending row is due (a failed attempt moves it by the backoff).</summary>
    public DateTime AvailableAt { get; set; }

    public DateTime? DeliveredAt { get; set; }

    public string? LastError { get; set; }
}

internal enum OutboxState
{
    Pending = 0,
    Delivered = 1,
    Parked = 2,
}

internal sealed class OutboxRowConfiguration : IEntityTypeConfiguration<OutboxRow>
{
    public const string Table = "integration_outbox";
    public const int MaxErrorLength = 2000;

    public void Configure(EntityTypeBuilder<OutboxRow> builder)
    {
        builder.ToTable(Table);
        builder.Property(o => o.Handler).HasMaxLength(200);
        builder.Property(o => o.MessageType).HasMaxLength(200);
        builder.Property(o => o.OrderingKey).HasMaxLength(200);
        builder.Property(o => o.LastError).HasMaxLength(MaxErrorLength);
        builder.HasIndex(o => new { o.MessageId, o.Handler }).IsUnique().HasDatabaseName("ux_integration_outbox_message_handler");

        // Delivered rows stay for days; the claim (pending rows in id order), the key-order check
        // (open rows of a handler and key) and the admin list (parked rows) read only the few others.
        builder.HasIndex(o => o.Id, "Pending").HasFilter("state = 0").HasDatabaseName("ix_integration_outbox_pending");
        builder.HasIndex(o => o.Id, "Parked").HasFilter("state = 2").HasDatabaseName("ix_integration_outbox_parked");
        builder.HasIndex(o => new { o.Handler, o.OrderingKey, o.Id }).HasFilter("state <> 1").HasDatabaseName("ix_integration_outbox_open_key");
        builder.HasIndex(o => o.DeliveredAt).HasFilter("state = 1").HasDatabaseName("ix_integration_outbox_delivered");
    }
}
