using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertifyTrack.Host.Integration.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "integration_outbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    handler = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    message_type = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ordering_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    available_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    delivered_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_integration_outbox", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_integration_outbox_delivered",
                table: "integration_outbox",
                column: "delivered_at",
                filter: "state = 1");

            migrationBuilder.CreateIndex(
                name: "ix_integration_outbox_open_key",
                table: "integration_outbox",
                columns: new[] { "handler", "ordering_key", "id" },
                filter: "state <> 1");

            migrationBuilder.CreateIndex(
                name: "ix_integration_outbox_parked",
                table: "integration_outbox",
                column: "id",
                filter: "state = 2");

            migrationBuilder.CreateIndex(
                name: "ix_integration_outbox_pending",
                table: "integration_outbox",
                column: "id",
                filter: "state = 0");

            migrationBuilder.CreateIndex(
                name: "ux_integration_outbox_message_handler",
                table: "integration_outbox",
                columns: new[] { "message_id", "handler" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "integration_outbox");
        }
    }
}
