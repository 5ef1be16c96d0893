using System.Runtime.CompilerServices;
using FhirFacade.Audit.GroupCommit;
using FhirFacade.Audit.Storage;
using FhirFacade.Core.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FhirFacade.Audit.Sqlite;

/// <summary>The embedded audit store: one SQLite file in WAL mode, written by one group-commit writer.</summary>
public sealed class SqliteAuditTrail : IAuditStore
{
    private readonly SqliteAuditDatabase _database;
    private readonly GroupCommitWriter _writer;
    private readonly SqliteWalCheckpointer _checkpointer;

    public SqliteAuditTrail(AuditOptions options, TimeProvider timeProvider, ILogger<SqliteAuditTrail>? logger = null)
        : this(options, timeProvider, logger, writerStartGate: null)
    {
    }

    internal SqliteAuditTrail(AuditOptions options, TimeProvider timeProvider, ILogger? logger, Task? writerStartGate)
    {
        ArgumentNullException.ThrowIfNull(options);
        _database = new SqliteAuditDatabase(options.ResolvedSqlitePath, options.CommandTimeout);
        _checkpointer = new SqliteWalCheckpointer(_database, logger ?? NullLogger.Instance);
        _writer = new GroupCommitWriter(
            new SqliteAuditBatchCommitter(_database, _checkpointer),
            GroupCommitSettings.From(options),
            timeProvider,
            logger ?? NullLogger.Instance,
            writerStartGate);
    }

    /// <summary>The full path of the SQLite file.</summary>
    public string Path => _database.Path;

    /// <summary>How many batches (transactions) the writer has committed.</summary>
    internal long BatchCount => _writer.BatchCount;

    /// <summary>How many WAL checkpoints have completed (in the background, or by the writer when they fell behind).</summary>
    internal long CheckpointCount => _checkpointer.CheckpointCount;

    /// <summary>How many checkpoints the writer has run on its own connection (finishing background passes, or as the fallback).</summary>
    internal long WriterCheckpointCount => _checkpointer.WriterCheckpointCount;

    /// <summary>How many background checkpoint passes were followed by an fsync of the database file.</summary>
    internal long BackgroundSyncCount => _checkpointer.BackgroundSyncCount;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _database.OpenWriterAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new AuditUnavailableException("The audit database cannot be opened.", exception);
        }
    }

    public async Task ProbeWritableAsync(CancellationToken cancellationToken)
    {
        try
        {
            // The file must still be there (re-creating it would start a new chain) and take the write lock.
            _database.EnsureFilePresent();
            await using var connection = await _database.OpenReaderAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "BEGIN IMMEDIATE; ROLLBACK;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new AuditUnavailableException("The audit database cannot take a write.", exception);
        }
    }

    public ValueTask<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken) =>
        _writer.AppendAsync(AuditRecordRules.Normalize(record), cancellationToken);

    public async Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        try
        {
            await using var connection = await _database.OpenReaderAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            return await AuditSearchSql.ReadPageAsync(command, query, SqliteAuditDatabase.ToUnixMicroseconds, SqliteAuditDatabase.ReadRecorded, cancellationToken);
        }
        catch (SqliteException exception)
        {
            throw new AuditUnavailableException("The audit database cannot be read.", exception);
        }
    }

    public async Task<long> CountAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        try
        {
            await using var connection = await _database.OpenReaderAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            return await AuditSearchSql.CountAsync(command, query, SqliteAuditDatabase.ToUnixMicroseconds, cancellationToken);
        }
        catch (SqliteException exception)
        {
            throw new AuditUnavailableException("The audit database cannot be read.", exception);
        }
    }

    public async IAsyncEnumerable<AuditChainRow> ReadChainAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderOrThrowAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = AuditColumns.SelectChain;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return AuditRowCodec.ReadChainRow(reader, SqliteAuditDatabase.ReadRecorded);
        }
    }

    public async Task<AuditChainHead?> ReadHeadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderOrThrowAsync(cancellationToken);
        return await SqliteAuditBatchCommitter.ReadHeadAsync(connection, null, cancellationToken);
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private async Task<SqliteConnection> OpenReaderOrThrowAsync(CancellationToken cancellationToken)
    {
        try
        {
            _database.EnsureFilePresent();
            return await _database.OpenReaderAsync(cancellationToken);
        }
        catch (SqliteException exception)
        {
            throw new AuditUnavailableException("The audit database cannot be opened.", exception);
        }
    }
}
