using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace CertifyTrack.Modules.Clubs.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Clubs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "api_club",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    faculty_coordinator_id = table.Column<long>(type: "INTEGER", nullable: true),
                    faculty_coordinator_user_id = table.Column<long>(type: "INTEGER", nullable: true),
                    club_head_id = table.Column<long>(type: "INTEGER", nullable: true),
                    established_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false, defaultValue: true),
                    allows_self_join = table.Column<bool>(type: "INTEGER", nullable: false, defaultValue: true),
                    active_member_count = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_club", x => x.id);
                    table.CheckConstraint("ck_api_club_active_member_count", "active_member_count BETWEEN 0 AND 200");
                    table.ForeignKey(
                        name: "fk_api_club_mentor_row_faculty_coordinator_id",
                        column: x => x.faculty_coordinator_id,
                        principalTable: "api_mentor",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_api_club_student_row_club_head_id",
                        column: x => x.club_head_id,
                        principalTable: "api_student",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "api_clubrole",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    can_create_events = table.Column<bool>(type: "INTEGER", nullable: false),
                    can_edit_events = table.Column<bool>(type: "INTEGER", nullable: false),
                    can_delete_events = table.Column<bool>(type: "INTEGER", nullable: false),
                    can_start_events = table.Column<bool>(type: "INTEGER", nullable: false),
                    can_end_events = table.Column<bool>(type: "INTEGER", nullable: false),
                    can_mark_attendance = table.Column<bool>(type: "INTEGER", nullable: false),
                    can_manage_bookings = table.Column<bool>(type: "INTEGER", nullable: false),
                    can_upload_templates = table.Column<bool>(type: "INTEGER", nullable: false),
                    can_generate_certificates = table.Column<bool>(type: "INTEGER", nullable: false),
                    can_view_reports = table.Column<bool>(type: "INTEGER", nullable: false),
                    can_manage_members = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_clubrole", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "api_clubmember",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    club_id = table.Column<long>(type: "INTEGER", nullable: false),
                    student_id = table.Column<long>(type: "INTEGER", nullable: false),
                    user_id = table.Column<long>(type: "INTEGER", nullable: false),
                    role_id = table.Column<long>(type: "INTEGER", nullable: false),
                    joined_date = table.Column<DateTime>(type: "TEXT", nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false, defaultValue: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_clubmember", x => x.id);
                    table.ForeignKey(
                        name: "fk_api_clubmember_api_club_club_id",
                        column: x => x.club_id,
                        principalTable: "api_club",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_api_clubmember_api_clubrole_role_id",
                        column: x => x.role_id,
                        principalTable: "api_clubrole",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_api_clubmember_student_row_student_id",
                        column: x => x.student_id,
                        principalTable: "api_student",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "api_clubmember_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    member_id = table.Column<long>(type: "INTEGER", nullable: false),
                    club_id = table.Column<long>(type: "INTEGER", nullable: false),
                    student_id = table.Column<long>(type: "INTEGER", nullable: false),
                    user_id = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    old_role_id = table.Column<long>(type: "INTEGER", nullable: true),
                    new_role_id = table.Column<long>(type: "INTEGER", nullable: true),
                    old_is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    new_is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    changed_by_user_id = table.Column<long>(type: "INTEGER", nullable: false),
                    changed_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_clubmember_history", x => x.id);
                    table.ForeignKey(
                        name: "fk_api_clubmember_history_api_clubmember_member_id",
                        column: x => x.member_id,
                        principalTable: "api_clubmember",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "api_clubrole",
                columns: new[] { "id", "can_create_events", "can_delete_events", "can_edit_events", "can_end_events", "can_generate_certificates", "can_manage_bookings", "can_manage_members", "can_mark_attendance", "can_start_events", "can_upload_templates", "can_view_reports", "name" },
                values: new object[,]
                {
                    { 1L, true, true, true, true, true, true, true, true, true, true, true, "president" },
                    { 2L, true, false, true, false, false, true, true, true, false, false, true, "secretary" },
                    { 3L, false, false, false, false, false, true, false, false, false, false, true, "treasurer" },
                    { 4L, true, false, true, true, true, false, false, true, true, false, true, "coordinator" },
                    { 5L, false, false, false, false, false, false, false, false, false, false, false, "member" }
                });

            migrationBuilder.CreateIndex(
                name: "idx_club_established_date",
                table: "api_club",
                columns: new[] { "established_date", "id" });

            migrationBuilder.CreateIndex(
                name: "idx_club_faculty_coordinator_id",
                table: "api_club",
                column: "faculty_coordinator_id");

            migrationBuilder.CreateIndex(
                name: "idx_club_faculty_coordinator_user_id",
                table: "api_club",
                column: "faculty_coordinator_user_id");

            migrationBuilder.CreateIndex(
                name: "idx_club_is_active",
                table: "api_club",
                column: "is_active");

            migrationBuilder.CreateIndex(
                name: "idx_club_name",
                table: "api_club",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_api_club_club_head_id",
                table: "api_club",
                column: "club_head_id");

            migrationBuilder.CreateIndex(
                name: "ux_club_normalized_name",
                table: "api_club",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "idx_clubmember_role_id",
                table: "api_clubmember",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "idx_clubmember_student_id",
                table: "api_clubmember",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "idx_clubmember_user_club",
                table: "api_clubmember",
                columns: new[] { "user_id", "club_id" });

            migrationBuilder.CreateIndex(
                name: "ux_clubmember_club_student",
                table: "api_clubmember",
                columns: new[] { "club_id", "student_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "idx_clubmember_history_club",
                table: "api_clubmember_history",
                column: "club_id");

            migrationBuilder.CreateIndex(
                name: "idx_clubmember_history_member",
                table: "api_clubmember_history",
                columns: new[] { "member_id", "changed_at" });

            migrationBuilder.CreateIndex(
                name: "ux_clubrole_name",
                table: "api_clubrole",
                column: "name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_clubmember_history");

            migrationBuilder.DropTable(
                name: "api_clubmember");

            migrationBuilder.DropTable(
                name: "api_club");

            migrationBuilder.DropTable(
                name: "api_clubrole");
        }
    }
}
