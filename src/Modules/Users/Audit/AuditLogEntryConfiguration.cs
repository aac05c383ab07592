using CertifyTrack.Modules.Users.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertifyTrack.Modules.Users.Audit;

internal sealed class AuditLogEntryConfiguration(bool postgres) : IEntityTypeConfiguration<AuditLogEntry>
{
    public const string Table = "api_auditlog";

    public void Configure(EntityTypeBuilder<AuditLogEntry> builder)
    {
        builder.ToTable(Table);
        builder.Property(a => a.ActorUsername).HasMaxLength(150);
        builder.Property(a => a.Action).HasMaxLength(255);
        builder.Property(a => a.EntityType).HasMaxLength(100);
        builder.Property(a => a.EntityId).HasMaxLength(100);
        builder.Property(a => a.IpAddress).HasMaxLength(45);
        if (postgres)
        {
            builder.Property(a => a.OldValues).HasColumnType("jsonb");
            builder.Property(a => a.NewValues).HasColumnType("jsonb");
        }

        // Rows outlive their actor: the id goes, the copied username stays.
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.SetNull);

        builder.HasIndex(a => a.UserId).HasDatabaseName("idx_auditlog_user_id");
        builder.HasIndex(a => new { a.Timestamp, a.Id }).HasDatabaseName("idx_auditlog_timestamp");
        builder.HasIndex(a => new { a.EntityType, a.EntityId }).HasDatabaseName("idx_auditlog_entity");
    }
}
