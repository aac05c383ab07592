using CertifyTrack.Modules.Clubs.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertifyTrack.Modules.Clubs.Persistence;

internal sealed class ClubRoleConfiguration : IEntityTypeConfiguration<ClubRole>
{
    public void Configure(EntityTypeBuilder<ClubRole> builder)
    {
        builder.ToTable("api_clubrole");
        builder.Property(r => r.Name).HasMaxLength(20);
        builder.HasIndex(r => r.Name).IsUnique().HasDatabaseName("ux_clubrole_name");
        builder.HasData(DefaultRoles.All);
    }
}
