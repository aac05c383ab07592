using System.Data.Common;
using CertifyTrack.Host.Tests.Infrastructure;
using CertifyTrack.Modules.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OpenIddict.EntityFrameworkCore.Models;

namespace CertifyTrack.Host.Tests.Persistence;

/// <summary>
/// The Users migration <c>RevocationAndOpenIddictNames</c> renames OpenIddict's tables to snake_case
/// in place: the rows written under the old names are there under the new ones, with their keys
/// and foreign keys, and the way down renames them back.
/// </summary>
public sealed class OpenIddictTableRenameTests
{
    private const string Before = "AccountsTokensNotificationsAdmin";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Tokens_written_under_the_old_table_names_survive_the_rename_and_its_undo(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var services = ModuleServices.Build(database);
        await using var db = ModuleServices.CreateContext(services, UsersModule.Name);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(Before, cancellationToken: Ct);
        await ExecuteAsync(db, """
            INSERT INTO "OpenIddictApplications" (id, client_id) VALUES ('app-1', 'web');
            INSERT INTO "OpenIddictAuthorizations" (id, application_id, subject, status) VALUES ('auth-1', 'app-1', '42', 'valid');
            INSERT INTO "OpenIddictTokens" (id, application_id, authorization_id, subject, status, reference_id) VALUES ('tok-1', 'app-1', 'auth-1', '42', 'valid', 'ref-1');
            """);

        await migrator.MigrateAsync(cancellationToken: Ct);

        Assert.Equal(["openiddict_application", "openiddict_authorization", "openiddict_scope", "openiddict_token"], await OpenIddictTablesAsync(db));
        var token = await db.Set<OpenIddictEntityFrameworkCoreToken>().Include(t => t.Authorization).Include(t => t.Application).SingleAsync(Ct);
        Assert.Equal(("tok-1", "auth-1", "web", "ref-1"), (token.Id, token.Authorization!.Id, token.Application!.ClientId, token.ReferenceId));
        Assert.Equal(["openiddict_application", "openiddict_authorization"], await ForeignKeyTargetsAsync(db, provider));
        if (provider == "postgres")
        {
            Assert.Equal(
                ["fk_openiddict_token_openiddict_application_application_id", "fk_openiddict_token_openiddict_authorization_authorization_id", "pk_openiddict_token"],
                await QueryAsync(db, "SELECT conname FROM pg_constraint WHERE conrelid = 'openiddict_token'::regclass ORDER BY conname"));
        }

        // The unique index on reference_id came along (renamed).
        await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(db, "INSERT INTO openiddict_token (id, reference_id) VALUES ('tok-2', 'ref-1')"));

        await migrator.MigrateAsync(Before, cancellationToken: Ct);

        Assert.Equal(["OpenIddictApplications", "OpenIddictAuthorizations", "OpenIddictScopes", "OpenIddictTokens"], await OpenIddictTablesAsync(db));
        Assert.Equal(["tok-1"], await QueryAsync(db, """SELECT id FROM "OpenIddictTokens" """));
    }

    private static Task<List<string>> OpenIddictTablesAsync(DbContext db) => QueryAsync(db, db.Database.IsNpgsql()
        ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND lower(table_name) LIKE 'openiddict%' ORDER BY table_name"
        : "SELECT name FROM sqlite_master WHERE type = 'table' AND lower(name) LIKE 'openiddict%' ORDER BY name");

    /// <summary>The tables the token table's foreign keys point at, as the database itself records them.</summary>
    private static Task<List<string>> ForeignKeyTargetsAsync(DbContext db, string provider) => QueryAsync(db, provider == "postgres"
        ? "SELECT confrelid::regclass::text FROM pg_constraint WHERE conrelid = 'openiddict_token'::regclass AND contype = 'f' ORDER BY 1"
        : "SELECT \"table\" FROM pragma_foreign_key_list('openiddict_token') ORDER BY 1");

    private static async Task ExecuteAsync(DbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(Ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<List<string>> QueryAsync(DbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(Ct);
            var values = new List<string>();
            while (await reader.ReadAsync(Ct))
            {
                values.Add(reader.GetString(0));
            }

            return values;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
