using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace CertifyTrack.Modules.Users.Auth;

/// <summary>
/// OpenIddict's entities (<c>UseOpenIddict</c>) under snake_case table names like every other
/// table. OpenIddict names its tables itself (<c>OpenIddictTokens</c>, …), which the naming
/// convention leaves alone; its columns, keys and indexes already follow the convention.
/// </summary>
internal static class OpenIddictTables
{
    public const string Applications = "openiddict_application";
    public const string Authorizations = "openiddict_authorization";
    public const string Scopes = "openiddict_scope";
    public const string Tokens = "openiddict_token";

    public static ModelBuilder UseOpenIddictTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.UseOpenIddict();
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreApplication>().ToTable(Applications);
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreAuthorization>().ToTable(Authorizations);
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreScope>().ToTable(Scopes);
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreToken>().ToTable(Tokens);

        // SessionRevocation finds a user's tokens and authorizations by subject; OpenIddict's own
        // indexes lead with the application id, so without these every revocation scans the table.
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreAuthorization>().HasIndex(a => new { a.Subject, a.Status })
            .HasDatabaseName("idx_openiddict_authorization_subject_status");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreToken>().HasIndex(t => new { t.Subject, t.Status })
            .HasDatabaseName("idx_openiddict_token_subject_status");
        return modelBuilder;
    }
}
