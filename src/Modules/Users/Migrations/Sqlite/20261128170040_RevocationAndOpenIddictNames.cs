using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertifyTrack.Modules.Users.Migrations.Sqlite
{
    /// <summary>
    /// <c>auth_user.security_stamp</c> (sign-in cookies end with revoked sessions), and
    /// OpenIddict's tables get snake_case names. Renames only (edited from the generated table
    /// rebuilds): <c>ALTER TABLE … RENAME TO</c> keeps the rows and rewrites the foreign keys that
    /// point at a renamed table; indexes are renamed (SQLite drops and recreates them). SQLite
    /// cannot rename a constraint, and nothing addresses one by name, so the key constraints
    /// keep their old names in the stored DDL.
    /// </summary>
    public partial class RevocationAndOpenIddictNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameTable(name: "OpenIddictApplications", newName: "openiddict_application");
            migrationBuilder.RenameTable(name: "OpenIddictAuthorizations", newName: "openiddict_authorization");
            migrationBuilder.RenameTable(name: "OpenIddictScopes", newName: "openiddict_scope");
            migrationBuilder.RenameTable(name: "OpenIddictTokens", newName: "openiddict_token");

            migrationBuilder.RenameIndex(name: "ix_open_iddict_applications_client_id", table: "openiddict_application", newName: "ix_openiddict_application_client_id");
            migrationBuilder.RenameIndex(name: "ix_open_iddict_authorizations_application_id_status_subject_type", table: "openiddict_authorization", newName: "ix_openiddict_authorization_application_id_status_subject_type");
            migrationBuilder.RenameIndex(name: "ix_open_iddict_scopes_name", table: "openiddict_scope", newName: "ix_openiddict_scope_name");
            migrationBuilder.RenameIndex(name: "ix_open_iddict_tokens_application_id_status_subject_type", table: "openiddict_token", newName: "ix_openiddict_token_application_id_status_subject_type");
            migrationBuilder.RenameIndex(name: "ix_open_iddict_tokens_authorization_id", table: "openiddict_token", newName: "ix_openiddict_token_authorization_id");
            migrationBuilder.RenameIndex(name: "ix_open_iddict_tokens_reference_id", table: "openiddict_token", newName: "ix_openiddict_token_reference_id");

            migrationBuilder.AddColumn<string>(name: "security_stamp", table: "auth_user", type: "TEXT", maxLength: 32, nullable: false, defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "security_stamp", table: "auth_user");

            migrationBuilder.RenameTable(name: "openiddict_application", newName: "OpenIddictApplications");
            migrationBuilder.RenameTable(name: "openiddict_authorization", newName: "OpenIddictAuthorizations");
            migrationBuilder.RenameTable(name: "openiddict_scope", newName: "OpenIddictScopes");
            migrationBuilder.RenameTable(name: "openiddict_token", newName: "OpenIddictTokens");

            migrationBuilder.RenameIndex(name: "ix_openiddict_application_client_id", table: "OpenIddictApplications", newName: "ix_open_iddict_applications_client_id");
            migrationBuilder.RenameIndex(name: "ix_openiddict_authorization_application_id_status_subject_type", table: "OpenIddictAuthorizations", newName: "ix_open_iddict_authorizations_application_id_status_subject_type");
            migrationBuilder.RenameIndex(name: "ix_openiddict_scope_name", table: "OpenIddictScopes", newName: "ix_open_iddict_scopes_name");
            migrationBuilder.RenameIndex(name: "ix_openiddict_token_application_id_status_subject_type", table: "OpenIddictTokens", newName: "ix_open_iddict_tokens_application_id_status_subject_type");
            migrationBuilder.RenameIndex(name: "ix_openiddict_token_authorization_id", table: "OpenIddictTokens", newName: "ix_open_iddict_tokens_authorization_id");
            migrationBuilder.RenameIndex(name: "ix_openiddict_token_reference_id", table: "OpenIddictTokens", newName: "ix_open_iddict_tokens_reference_id");
        }
    }
}
