using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CertifyTrack.Modules.Users.Migrations.Postgres
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    username = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    normalized_username = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    normalized_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    password = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    first_name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    last_name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    user_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    is_email_verified = table.Column<bool>(type: "boolean", nullable: false),
                    verification_sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    failed_login_attempts = table.Column<int>(type: "integer", nullable: false),
                    account_locked_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    is_staff = table.Column<bool>(type: "boolean", nullable: false),
                    is_superuser = table.Column<bool>(type: "boolean", nullable: false),
                    date_joined = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    last_login = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_auth_user", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "api_auditlog",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<long>(type: "bigint", nullable: true),
                    actor_username = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    action = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    entity_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    entity_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    timestamp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ip_address = table.Column<string>(type: "character varying(45)", maxLength: 45, nullable: true),
                    old_values = table.Column<string>(type: "jsonb", nullable: true),
                    new_values = table.Column<string>(type: "jsonb", nullable: true)
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<long>(type: "bigint", nullable: false),
                    employee_id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    department = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    designation = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    phone_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    date_of_birth = table.Column<DateOnly>(type: "date", nullable: true),
                    address = table.Column<string>(type: "text", nullable: true),
                    profile_photo = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    qualifications = table.Column<string>(type: "text", nullable: true),
                    bio = table.Column<string>(type: "text", nullable: true),
                    profile_completed = table.Column<bool>(type: "boolean", nullable: false),
                    profile_completed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    title = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    message = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    is_read = table.Column<bool>(type: "boolean", nullable: false)
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<long>(type: "bigint", nullable: false),
                    usn = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    department = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    semester = table.Column<int>(type: "integer", nullable: false),
                    admission_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    mentor_id = table.Column<long>(type: "bigint", nullable: true),
                    phone_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    date_of_birth = table.Column<DateOnly>(type: "date", nullable: true),
                    address = table.Column<string>(type: "text", nullable: true),
                    profile_photo = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    emergency_contact_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    emergency_contact_phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    profile_completed = table.Column<bool>(type: "boolean", nullable: false),
                    profile_completed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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

            // Append-only audit log (docs/adr/0008-audit-log.md). UPDATE is refused except the FK's
            // ON DELETE SET NULL of the actor (user_id to null, every other column unchanged);
            // DELETE only of rows older than the transaction-local cutoff the retention sweep sets,
            // and never of rows younger than 365 days; TRUNCATE never.
            migrationBuilder.Sql("""
                CREATE FUNCTION api_auditlog_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    cutoff text := current_setting('certifytrack.audit_retention_cutoff', true);
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        IF coalesce(cutoff, '') <> ''
                           AND OLD."timestamp" < cutoff::timestamptz
                           AND cutoff::timestamptz <= now() - interval '365 days' THEN
                            RETURN OLD;
                        END IF;
                        RAISE EXCEPTION 'api_auditlog is append-only: rows are deleted only by the retention sweep'
                            USING ERRCODE = 'raise_exception';
                    ELSIF TG_OP = 'UPDATE' THEN
                        IF OLD.user_id IS NOT NULL AND NEW.user_id IS NULL
                           AND (to_jsonb(NEW) - 'user_id') = (to_jsonb(OLD) - 'user_id') THEN
                            RETURN NEW;
                        END IF;
                        RAISE EXCEPTION 'api_auditlog is append-only: rows are never updated'
                            USING ERRCODE = 'raise_exception';
                    END IF;
                    RAISE EXCEPTION 'api_auditlog is append-only: % is refused', TG_OP
                        USING ERRCODE = 'raise_exception';
                END;
                $$;

                CREATE TRIGGER api_auditlog_append_only
                    BEFORE UPDATE OR DELETE ON api_auditlog
                    FOR EACH ROW EXECUTE FUNCTION api_auditlog_append_only();

                CREATE TRIGGER api_auditlog_no_truncate
                    BEFORE TRUNCATE ON api_auditlog
                    FOR EACH STATEMENT EXECUTE FUNCTION api_auditlog_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS api_auditlog_no_truncate ON api_auditlog;
                DROP TRIGGER IF EXISTS api_auditlog_append_only ON api_auditlog;
                DROP FUNCTION IF EXISTS api_auditlog_append_only();
                """);

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
