using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CertifyTrack.Modules.Users.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SetPasswordInvitationsAsAccountTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_set_password_token");

            migrationBuilder.AddColumn<DateTime>(
                name: "registration_notice_sent_at",
                table: "auth_user",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "registration_notice_sent_at",
                table: "auth_user");

            migrationBuilder.CreateTable(
                name: "api_set_password_token",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    used_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    user_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_set_password_token", x => x.id);
                    table.ForeignKey(
                        name: "fk_api_set_password_token_auth_user_user_id",
                        column: x => x.user_id,
                        principalTable: "auth_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "idx_set_password_token_user",
                table: "api_set_password_token",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ux_set_password_token_hash",
                table: "api_set_password_token",
                column: "token_hash",
                unique: true);
        }
    }
}
