using System.Globalization;
using FhirFacade.Core.Audit;
using Microsoft.Data.Sqlite;

namespace FhirFacade.Audit.Sqlite;

/// <summary>
/// Opens connections to the audit SQLite file. WAL journal with <c>synchronous=FULL</c>: every
/// commit fsyncs the WAL, so an acknowledged record survives a process kill and a power loss
/// (see docs/audit.md). Connections are not pooled: a pooled connection would keep writing to a
/// file that has been deleted.
/// </summary>
internal sealed class SqliteAuditDatabase
{
    private static readonly string[] SchemaStatements =
    [
        """
        CREATE TABLE IF NOT EXISTS audit_event (
            seq INTEGER PRIMARY KEY,
            recorded INTEGER NOT NULL,
            correlation_id TEXT NOT NULL,
            agent_client_id TEXT,
            agent_user_id TEXT,
            agent_role_id TEXT,
            agent_ods TEXT,
            interaction TEXT NOT NULL,
            method TEXT NOT NULL,
            path_template TEXT NOT NULL,
            resource_types TEXT NOT NULL,
            patient_nhs_number TEXT,
            sources TEXT NOT NULL,
            resource_count INTEGER NOT NULL,
            http_status INTEGER NOT NULL,
            issue_code TEXT,
            spine_code TEXT,
            source_ip TEXT,
            previous_hash TEXT NOT NULL,
            hash TEXT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_audit_event_patient ON audit_event (patient_nhs_number, seq)",
        "CREATE INDEX IF NOT EXISTS ix_audit_event_recorded ON audit_event (recorded)",
        "CREATE INDEX IF NOT EXISTS ix_audit_event_correlation ON audit_event (correlation_id)",
        "CREATE INDEX IF NOT EXISTS ix_audit_event_agent ON audit_event (agent_user_id)",
        "CREATE TABLE IF NOT EXISTS audit_chain_head (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL)",
        "INSERT OR IGNORE INTO audit_chain_head (id, seq, hash) VALUES (1, 0, '" + AuditChain.GenesisHash + "')",
    ];

    private readonly TimeSpan _commandTimeout;
    private volatile bool _created;

    public SqliteAuditDatabase(string path, TimeSpan commandTimeout)
    {
        Path = System.IO.Path.GetFullPath(path);
        _commandTimeout = commandTimeout;
    }

    public string Path { get; }

    /// <summary>
    /// The WAL size SQLite keeps when it starts the WAL again after a complete checkpoint
    /// (<c>journal_size_limit</c>): a WAL that grew past it while restarts were held off (a long
    /// reader, a burst) is cut back to it, so its disk use does not stay at the high-water mark.
    /// </summary>
    public const long WalSizeLimitBytes = 16L * 1024 * 1024;

    /// <summary>
    /// Opens the writer connection. Only the first open in a process may create the file:
    /// once the store exists, a missing file means it was removed, and re-creating it would
    /// silently start a new chain.
    /// </summary>
    public async Task<SqliteConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        var create = !_created;
        if (create)
        {
            var directory = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        var connection = await OpenAsync(create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite, cancellationToken);
        try
        {
            await ExecuteAsync(connection, "PRAGMA journal_mode=WAL", cancellationToken);
            await ExecuteAsync(connection, "PRAGMA synchronous=FULL", cancellationToken);

            // Checkpoints run off the commit path (SqliteWalCheckpointer), not inside the commit that crosses the threshold.
            await ExecuteAsync(connection, "PRAGMA wal_autocheckpoint=0", cancellationToken);
            await ExecuteAsync(connection, "PRAGMA journal_size_limit=" + WalSizeLimitBytes, cancellationToken);
            foreach (var statement in SchemaStatements)
            {
                await ExecuteAsync(connection, statement, cancellationToken);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        _created = true;
        return connection;
    }

    /// <summary>Opens a connection for reading; never creates the file.</summary>
    public Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken) =>
        OpenAsync(SqliteOpenMode.ReadWrite, cancellationToken);

    /// <summary>Throws when the database file is gone (its directory removed, the file deleted).</summary>
    public void EnsureFilePresent()
    {
        if (!File.Exists(Path))
        {
            throw new AuditUnavailableException("The audit database file is missing.");
        }
    }

    public static DateTimeOffset ReadRecorded(System.Data.Common.DbDataReader reader, int ordinal) =>
        FromUnixMicroseconds(reader.GetInt64(ordinal));

    public static object ToUnixMicroseconds(DateTimeOffset instant) =>
        (instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (TimeSpan.TicksPerMillisecond / 1000);

    private static DateTimeOffset FromUnixMicroseconds(long microseconds) =>
        new(DateTimeOffset.UnixEpoch.UtcTicks + (microseconds * (TimeSpan.TicksPerMillisecond / 1000)), TimeSpan.Zero);

    private async Task<SqliteConnection> OpenAsync(SqliteOpenMode mode, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(_commandTimeout.TotalSeconds)),
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            var busyMilliseconds = Math.Max(1, (long)_commandTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            await ExecuteAsync(connection, "PRAGMA busy_timeout=" + busyMilliseconds, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
