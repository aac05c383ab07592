using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertifyTrack.Modules.Users.Migrations.Postgres
{
    /// <summary>
    /// <c>auth_user.security_stamp</c> (sign-in cookies end with revoked sessions), and
    /// OpenIddict's tables get snake_case names. Renames only (edited from the generated
    /// drop-and-add of the keys): tables, indexes and key constraints keep their rows and
    /// definitions; renaming a primary key renames its index too. The earlier migration's names
    /// longer than 63 bytes were cut to 63 by PostgreSQL, so they are written cut here.
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
            migrationBuilder.RenameIndex(name: "ix_open_iddict_authorizations_application_id_status_subject_typ", table: "openiddict_authorization", newName: "ix_openiddict_authorization_application_id_status_subject_type");
            migrationBuilder.RenameIndex(name: "ix_open_iddict_scopes_name", table: "openiddict_scope", newName: "ix_openiddict_scope_name");
            migrationBuilder.RenameIndex(name: "ix_open_iddict_tokens_application_id_status_subject_type", table: "openiddict_token", newName: "ix_openiddict_token_application_id_status_subject_type");
            migrationBuilder.RenameIndex(name: "ix_open_iddict_tokens_authorization_id", table: "openiddict_token", newName: "ix_openiddict_token_authorization_id");
            migrationBuilder.RenameIndex(name: "ix_open_iddict_tokens_reference_id", table: "openiddict_token", newName: "ix_openiddict_token_reference_id");

            migrationBuilder.Sql("ALTER TABLE \"openiddict_application\" RENAME CONSTRAINT pk_open_iddict_applications TO pk_openiddict_application;");
            migrationBuilder.Sql("ALTER TABLE \"openiddict_authorization\" RENAME CONSTRAINT pk_open_iddict_authorizations TO pk_openiddict_authorization;");
            migrationBuilder.Sql("ALTER TABLE \"openiddict_scope\" RENAME CONSTRAINT pk_open_iddict_scopes TO pk_openiddict_scope;");
            migrationBuilder.Sql("ALTER TABLE \"openiddict_token\" RENAME CONSTRAINT pk_open_iddict_tokens TO pk_openiddict_token;");
            migrationBuilder.Sql("ALTER TABLE \"openiddict_authorization\" RENAME CONSTRAINT fk_open_iddict_authorizations_open_iddict_applications_applicat TO fk_openiddict_authorization_openiddict_application_application;");
            migrationBuilder.Sql("ALTER TABLE \"openiddict_token\" RENAME CONSTRAINT fk_open_iddict_tokens_open_iddict_applications_application_id TO fk_openiddict_token_openiddict_application_application_id;");
            migrationBuilder.Sql("ALTER TABLE \"openiddict_token\" RENAME CONSTRAINT fk_open_iddict_tokens_open_iddict_authorizations_authorization_ TO fk_openiddict_token_openiddict_authorization_authorization_id;");

            migrationBuilder.AddColumn<string>(name: "security_stamp", table: "auth_user", type: "character varying(32)", maxLength: 32, nullable: false, defaultValue: "");
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
            migrationBuilder.RenameIndex(name: "ix_openiddict_authorization_application_id_status_subject_type", table: "OpenIddictAuthorizations", newName: "ix_open_iddict_authorizations_application_id_status_subject_typ");
            migrationBuilder.RenameIndex(name: "ix_openiddict_scope_name", table: "OpenIddictScopes", newName: "ix_open_iddict_scopes_name");
            migrationBuilder.RenameIndex(name: "ix_openiddict_token_application_id_status_subject_type", table: "OpenIddictTokens", newName: "ix_open_iddict_tokens_application_id_status_subject_type");
            migrationBuilder.RenameIndex(name: "ix_openiddict_token_authorization_id", table: "OpenIddictTokens", newName: "ix_open_iddict_tokens_authorization_id");
            migrationBuilder.RenameIndex(name: "ix_openiddict_token_reference_id", table: "OpenIddictTokens", newName: "ix_open_iddict_tokens_reference_id");

            migrationBuilder.Sql("ALTER TABLE \"OpenIddictApplications\" RENAME CONSTRAINT pk_openiddict_application TO pk_open_iddict_applications;");
            migrationBuilder.Sql("ALTER TABLE \"OpenIddictAuthorizations\" RENAME CONSTRAINT pk_openiddict_authorization TO pk_open_iddict_authorizations;");
            migrationBuilder.Sql("ALTER TABLE \"OpenIddictScopes\" RENAME CONSTRAINT pk_openiddict_scope TO pk_open_iddict_scopes;");
            migrationBuilder.Sql("ALTER TABLE \"OpenIddictTokens\" RENAME CONSTRAINT pk_openiddict_token TO pk_open_iddict_tokens;");
            migrationBuilder.Sql("ALTER TABLE \"OpenIddictAuthorizations\" RENAME CONSTRAINT fk_openiddict_authorization_openiddict_application_application TO fk_open_iddict_authorizations_open_iddict_applications_applicat;");
            migrationBuilder.Sql("ALTER TABLE \"OpenIddictTokens\" RENAME CONSTRAINT fk_openiddict_token_openiddict_application_application_id TO fk_open_iddict_tokens_open_iddict_applications_application_id;");
            migrationBuilder.Sql("ALTER TABLE \"OpenIddictTokens\" RENAME CONSTRAINT fk_openiddict_token_openiddict_authorization_authorization_id TO fk_open_iddict_tokens_open_iddict_authorizations_authorization_;");
        }
    }
}
