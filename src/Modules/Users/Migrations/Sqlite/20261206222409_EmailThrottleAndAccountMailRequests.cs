using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertifyTrack.Modules.Users.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EmailThrottleAndAccountMailRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "api_account_mail_request",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    requested_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_account_mail_request", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "api_email_throttle",
                columns: table => new
                {
                    address = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    window_start = table.Column<DateTime>(type: "TEXT", nullable: false),
                    sent = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_email_throttle", x => new { x.address, x.kind });
                });

            migrationBuilder.CreateIndex(
                name: "idx_email_throttle_window_start",
                table: "api_email_throttle",
                column: "window_start");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_account_mail_request");

            migrationBuilder.DropTable(
                name: "api_email_throttle");
        }
    }
}
