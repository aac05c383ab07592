using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertifyTrack.Modules.Users.Migrations.Sqlite
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
                type: "TEXT",
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    used_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    user_id = table.Column<long>(type: "INTEGER", nullable: false)
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
