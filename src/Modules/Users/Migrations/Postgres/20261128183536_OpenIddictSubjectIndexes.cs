using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertifyTrack.Modules.Users.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OpenIddictSubjectIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "idx_openiddict_token_subject_status",
                table: "openiddict_token",
                columns: new[] { "subject", "status" });

            migrationBuilder.CreateIndex(
                name: "idx_openiddict_authorization_subject_status",
                table: "openiddict_authorization",
                columns: new[] { "subject", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "idx_openiddict_token_subject_status",
                table: "openiddict_token");

            migrationBuilder.DropIndex(
                name: "idx_openiddict_authorization_subject_status",
                table: "openiddict_authorization");
        }
    }
}
