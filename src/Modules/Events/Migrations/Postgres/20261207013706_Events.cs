using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CertifyTrack.Modules.Events.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Events : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "api_event",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    club_id = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    event_date = table.Column<DateOnly>(type: "date", nullable: false),
                    start_time = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    end_time = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    max_participants = table.Column<int>(type: "integer", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by_id = table.Column<long>(type: "bigint", nullable: true),
                    starts_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    registration_deadline = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    venue_required = table.Column<bool>(type: "boolean", nullable: false),
                    activity_hours = table.Column<int>(type: "integer", nullable: true),
                    aicte_category_id = table.Column<long>(type: "bigint", nullable: true),
                    points_awarded = table.Column<int>(type: "integer", nullable: true),
                    registered_count = table.Column<int>(type: "integer", nullable: false),
                    waitlisted_count = table.Column<int>(type: "integer", nullable: false),
                    waitlist_sequence = table.Column<long>(type: "bigint", nullable: false),
                    attended_count = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    cancel_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    scheduled_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    cancelled_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_event", x => x.id);
                    table.CheckConstraint("ck_api_event_counts", "waitlisted_count >= 0 AND attended_count >= 0");
                    table.CheckConstraint("ck_api_event_seats", "registered_count >= 0 AND (max_participants IS NULL OR registered_count <= max_participants)");
                    table.ForeignKey(
                        name: "fk_api_event_club_row_club_id",
                        column: x => x.club_id,
                        principalTable: "api_club",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "api_eventstudentload",
                columns: table => new
                {
                    student_id = table.Column<long>(type: "bigint", nullable: false),
                    active_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_eventstudentload", x => x.student_id);
                    table.CheckConstraint("ck_api_eventstudentload_active", "active_count BETWEEN 0 AND 10");
                    table.ForeignKey(
                        name: "fk_api_eventstudentload_student_row_student_id",
                        column: x => x.student_id,
                        principalTable: "api_student",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "api_eventattendance",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    event_id = table.Column<long>(type: "bigint", nullable: false),
                    student_id = table.Column<long>(type: "bigint", nullable: false),
                    marked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    marked_by_id = table.Column<long>(type: "bigint", nullable: true),
                    is_present = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_eventattendance", x => x.id);
                    table.ForeignKey(
                        name: "fk_api_eventattendance_api_event_event_id",
                        column: x => x.event_id,
                        principalTable: "api_event",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_api_eventattendance_student_row_student_id",
                        column: x => x.student_id,
                        principalTable: "api_student",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "api_eventregistration",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    event_id = table.Column<long>(type: "bigint", nullable: false),
                    student_id = table.Column<long>(type: "bigint", nullable: false),
                    user_id = table.Column<long>(type: "bigint", nullable: false),
                    registration_date = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    waitlist_sequence = table.Column<long>(type: "bigint", nullable: true),
                    check_in_code = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    promoted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    cancelled_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    checked_in_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    reminder_sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_eventregistration", x => x.id);
                    table.ForeignKey(
                        name: "fk_api_eventregistration_api_event_event_id",
                        column: x => x.event_id,
                        principalTable: "api_event",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_api_eventregistration_student_row_student_id",
                        column: x => x.student_id,
                        principalTable: "api_student",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "idx_event_club_id",
                table: "api_event",
                column: "club_id");

            migrationBuilder.CreateIndex(
                name: "idx_event_date",
                table: "api_event",
                columns: new[] { "event_date", "start_time", "id" });

            migrationBuilder.CreateIndex(
                name: "idx_event_name",
                table: "api_event",
                columns: new[] { "name", "id" });

            migrationBuilder.CreateIndex(
                name: "idx_event_starts_at",
                table: "api_event",
                column: "starts_at");

            migrationBuilder.CreateIndex(
                name: "idx_event_status",
                table: "api_event",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "idx_event_status_date",
                table: "api_event",
                columns: new[] { "status", "event_date" });

            migrationBuilder.CreateIndex(
                name: "ix_api_eventattendance_student_id",
                table: "api_eventattendance",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ux_eventattendance_event_student",
                table: "api_eventattendance",
                columns: new[] { "event_id", "student_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "idx_registration_event_status",
                table: "api_eventregistration",
                columns: new[] { "event_id", "status", "waitlist_sequence" });

            migrationBuilder.CreateIndex(
                name: "idx_registration_student_date",
                table: "api_eventregistration",
                columns: new[] { "student_id", "registration_date" });

            migrationBuilder.CreateIndex(
                name: "idx_registration_user_event",
                table: "api_eventregistration",
                columns: new[] { "user_id", "event_id" });

            migrationBuilder.CreateIndex(
                name: "ux_eventregistration_check_in_code",
                table: "api_eventregistration",
                column: "check_in_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_eventregistration_event_student",
                table: "api_eventregistration",
                columns: new[] { "event_id", "student_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_eventattendance");

            migrationBuilder.DropTable(
                name: "api_eventregistration");

            migrationBuilder.DropTable(
                name: "api_eventstudentload");

            migrationBuilder.DropTable(
                name: "api_event");
        }
    }
}
