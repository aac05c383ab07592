using System.Data.Common;
using CertifyTrack.Host.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CertifyTrack.Host.Tests.Persistence;

/// <summary>
/// The busy timeout and the Unicode <c>lower</c>/<c>upper</c> are set once per native SQLite handle
/// (<c>SqliteConnectionSetup</c>); the pool hands the same handle to later connections, which must
/// still have both after Microsoft.Data.Sqlite's close and reopen.
/// </summary>
public sealed class SqliteConnectionSetupTests
{
    [Fact]
    public async Task Every_open_including_a_pooled_reopen_has_the_busy_timeout_and_unicode_case()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        using var client = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var reopened = 0;

        for (var i = 0; i < 6; i++)
        {
            await using var context = ModuleServices.Modules(app.Services)[0].CreateContext(app.Services);
            await context.Database.OpenConnectionAsync(ct);
            var connection = (SqliteConnection)context.Database.GetDbConnection();
            reopened += seen.Add(connection.Handle!) ? 0 : 1;

            Assert.Equal("5000", await ScalarAsync(connection, "PRAGMA busy_timeout", ct));
            Assert.Equal("école ünïcode", await ScalarAsync(connection, "SELECT lower('ÉCOLE ÜNÏCODE')", ct));
            Assert.Equal("ÉCOLE ÜNÏCODE", await ScalarAsync(connection, "SELECT upper('école ünïcode')", ct));
            Assert.Equal("", await ScalarAsync(connection, "SELECT coalesce(lower(NULL), '')", ct));
            Assert.Equal("42", await ScalarAsync(connection, "SELECT lower(42)", ct));
            await context.Database.CloseConnectionAsync();
        }

        Assert.True(reopened > 0, "the pool never handed back a native connection it had opened before");
    }

    private static async Task<string?> ScalarAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
