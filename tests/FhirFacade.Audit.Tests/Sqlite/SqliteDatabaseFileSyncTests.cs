using FhirFacade.Audit.Sqlite;
using Microsoft.Data.Sqlite;

namespace FhirFacade.Audit.Tests.Sqlite;

[Trait("Category", "Integration")]
public sealed class SqliteDatabaseFileSyncTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ffsync-" + Guid.NewGuid().ToString("N")[..12]);

    private string DatabasePath => Path.Combine(_directory, "sync.db");

    [Fact]
    public async Task TrySync_OnAnOpenWalDatabase_SyncsThroughSqlitesHandleAndLeavesTheConnectionWorking()
    {
        await using var writer = await OpenAsync();
        await ExecuteAsync(writer, "PRAGMA journal_mode=WAL; CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (1);");
        await using var checkpointer = await OpenAsync();
        await ExecuteAsync(checkpointer, "PRAGMA wal_checkpoint(PASSIVE)");

        var synced = SqliteDatabaseFileSync.TrySync(checkpointer);

        synced.Should().BeTrue("the bundled e_sqlite3 library exposes its file handle's xSync");
        await ExecuteAsync(writer, "INSERT INTO t VALUES (2)");
        (await ScalarAsync(checkpointer, "SELECT sum(v) FROM t")).Should().Be(3L);
        (await ScalarAsync(writer, "PRAGMA integrity_check")).Should().Be("ok");
    }

    [Fact]
    public async Task TrySync_RepeatedOnTheSameConnection_KeepsSucceeding()
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL; CREATE TABLE t (v INTEGER)");

        var results = new List<bool>();
        for (var i = 0; i < 3; i++)
        {
            await ExecuteAsync(connection, $"INSERT INTO t VALUES ({i})");
            results.Add(SqliteDatabaseFileSync.TrySync(connection));
        }

        results.Should().Equal(true, true, true);
    }

    [Fact]
    public async Task TrySync_OnAClosedConnection_ReturnsFalseWithoutThrowing()
    {
        var connection = await OpenAsync();
        await connection.CloseAsync();

        var synced = SqliteDatabaseFileSync.TrySync(connection);

        synced.Should().BeFalse();
        await connection.DisposeAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        Directory.CreateDirectory(_directory);
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
