using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CertifyTrack.Modules.Users.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UserAdmin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "api_mentor_assignment",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    student_id = table.Column<long>(type: "bigint", nullable: false),
                    old_mentor_id = table.Column<long>(type: "bigint", nullable: true),
                    new_mentor_id = table.Column<long>(type: "bigint", nullable: false),
                    assigned_by_id = table.Column<long>(type: "bigint", nullable: true),
                    assigned_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_mentor_assignment", x => x.id);
                    table.ForeignKey(
                        name: "fk_api_mentor_assignment_api_student_student_id",
                        column: x => x.student_id,
                        principalTable: "api_student",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "api_set_password_token",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<long>(type: "bigint", nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    used_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                name: "idx_mentor_assignment_new_mentor",
                table: "api_mentor_assignment",
                column: "new_mentor_id");

            migrationBuilder.CreateIndex(
                name: "idx_mentor_assignment_student_at",
                table: "api_mentor_assignment",
                columns: new[] { "student_id", "assigned_at" });

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

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_mentor_assignment");

            migrationBuilder.DropTable(
                name: "api_set_password_token");
        }
    }
}
