using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertifyTrack.Modules.Users.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccountsAndAuditLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "auth_user",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    username = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    normalized_username = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    normalized_email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    password = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    first_name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    last_name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    user_type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    is_email_verified = table.Column<bool>(type: "INTEGER", nullable: false),
                    verification_sent_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    failed_login_attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    account_locked_until = table.Column<DateTime>(type: "TEXT", nullable: true),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_staff = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_superuser = table.Column<bool>(type: "INTEGER", nullable: false),
                    date_joined = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_login = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_auth_user", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "api_auditlog",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<long>(type: "INTEGER", nullable: true),
                    actor_username = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    action = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    entity_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    entity_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    timestamp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ip_address = table.Column<string>(type: "TEXT", maxLength: 45, nullable: true),
                    old_values = table.Column<string>(type: "TEXT", nullable: true),
                    new_values = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_auditlog", x => x.id);
                    table.ForeignKey(
                        name: "fk_api_auditlog_auth_user_user_id",
                        column: x => x.user_id,
                        principalTable: "auth_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "api_mentor",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<long>(type: "INTEGER", nullable: false),
                    employee_id = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    department = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    designation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    phone_number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    date_of_birth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    address = table.Column<string>(type: "TEXT", nullable: true),
                    profile_photo = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    qualifications = table.Column<string>(type: "TEXT", nullable: true),
                    bio = table.Column<string>(type: "TEXT", nullable: true),
                    profile_completed = table.Column<bool>(type: "INTEGER", nullable: false),
                    profile_completed_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_mentor", x => x.id);
                    table.ForeignKey(
                        name: "fk_api_mentor_auth_user_user_id",
                        column: x => x.user_id,
                        principalTable: "auth_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "api_notification",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    message = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    is_read = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_notification", x => x.id);
                    table.ForeignKey(
                        name: "fk_api_notification_auth_user_user_id",
                        column: x => x.user_id,
                        principalTable: "auth_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "api_student",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<long>(type: "INTEGER", nullable: false),
                    usn = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    department = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    semester = table.Column<int>(type: "INTEGER", nullable: false),
                    admission_type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    mentor_id = table.Column<long>(type: "INTEGER", nullable: true),
                    phone_number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    date_of_birth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    address = table.Column<string>(type: "TEXT", nullable: true),
                    profile_photo = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    emergency_contact_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    emergency_contact_phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    profile_completed = table.Column<bool>(type: "INTEGER", nullable: false),
                    profile_completed_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_student", x => x.id);
                    table.CheckConstraint("ck_api_student_semester", "semester BETWEEN 1 AND 8");
                    table.CheckConstraint("ck_api_student_usn_upper", "usn = upper(usn)");
                    table.ForeignKey(
                        name: "fk_api_student_auth_user_user_id",
                        column: x => x.user_id,
                        principalTable: "auth_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_api_student_mentors_mentor_id",
                        column: x => x.mentor_id,
                        principalTable: "api_mentor",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "idx_auditlog_entity",
                table: "api_auditlog",
                columns: new[] { "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "idx_auditlog_timestamp",
                table: "api_auditlog",
                columns: new[] { "timestamp", "id" });

            migrationBuilder.CreateIndex(
                name: "idx_auditlog_user_id",
                table: "api_auditlog",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "idx_mentor_employee_id",
                table: "api_mentor",
                column: "employee_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_api_mentor_user_id",
                table: "api_mentor",
                column: "user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "idx_notification_expires_at",
                table: "api_notification",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "idx_notification_user_created",
                table: "api_notification",
                columns: new[] { "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "idx_student_mentor_id",
                table: "api_student",
                column: "mentor_id");

            migrationBuilder.CreateIndex(
                name: "idx_student_usn",
                table: "api_student",
                column: "usn",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_api_student_user_id",
                table: "api_student",
                column: "user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "idx_user_email",
                table: "auth_user",
                column: "email");

            migrationBuilder.CreateIndex(
                name: "idx_user_user_type",
                table: "auth_user",
                column: "user_type");

            migrationBuilder.CreateIndex(
                name: "idx_user_username",
                table: "auth_user",
                column: "username");

            migrationBuilder.CreateIndex(
                name: "ux_user_email",
                table: "auth_user",
                column: "normalized_email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_user_username",
                table: "auth_user",
                column: "normalized_username",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_auditlog");

            migrationBuilder.DropTable(
                name: "api_notification");

            migrationBuilder.DropTable(
                name: "api_student");

            migrationBuilder.DropTable(
                name: "api_mentor");

            migrationBuilder.DropTable(
                name: "auth_user");
        }
    }
}
