using System.Runtime.CompilerServices;
using FhirFacade.Audit.GroupCommit;
using FhirFacade.Audit.Storage;
using FhirFacade.Core.Audit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace FhirFacade.Audit.Postgres;

/// <summary>
/// The shared audit store: a PostgreSQL database several facade instances append to. Each
/// instance group-commits its own appends; the chain-head row lock keeps one linear chain.
/// </summary>
public sealed class PostgresAuditTrail : IAuditStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresAuditTrailState _state;
    private readonly GroupCommitWriter _writer;

    public PostgresAuditTrail(AuditOptions options, TimeProvider timeProvider, ILogger<PostgresAuditTrail>? logger = null)
        : this(options, timeProvider, logger, writerStartGate: null)
    {
    }

    internal PostgresAuditTrail(AuditOptions options, TimeProvider timeProvider, ILogger? logger, Task? writerStartGate)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.PostgresConnectionString))
        {
            throw new ArgumentException("Audit:PostgresConnectionString is required for the Postgres audit store.", nameof(options));
        }

        _dataSource = NpgsqlDataSource.Create(options.PostgresConnectionString);
        _state = new PostgresAuditTrailState(_dataSource, Math.Max(1, (int)Math.Ceiling(options.CommandTimeout.TotalSeconds)));
        _writer = new GroupCommitWriter(
            new PostgresAuditBatchCommitter(_dataSource, _state),
            GroupCommitSettings.From(options),
            timeProvider,
            logger ?? NullLogger.Instance,
            writerStartGate);
    }

    /// <summary>How many batches (transactions) this instance's writer has committed.</summary>
    internal long BatchCount => _writer.BatchCount;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _state.EnsureSchemaAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            throw new AuditUnavailableException("The audit database cannot be reached.", exception);
        }
    }

    public async Task ProbeWritableAsync(CancellationToken cancellationToken)
    {
        bool writable;
        try
        {
            // A server in recovery (a standby) or a role without INSERT cannot commit a record.
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandTimeout = _state.CommandTimeoutSeconds;
            command.CommandText = "SELECT NOT pg_is_in_recovery() AND has_table_privilege('audit_event', 'INSERT') AND has_table_privilege('audit_chain_head', 'UPDATE')";
            writable = await command.ExecuteScalarAsync(cancellationToken) is true;
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            throw new AuditUnavailableException("The audit database cannot be reached.", exception);
        }

        if (!writable)
        {
            throw new AuditUnavailableException("The audit database does not accept writes (a standby, or no INSERT privilege).");
        }
    }

    public ValueTask<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken) =>
        _writer.AppendAsync(AuditRecordRules.Normalize(record), cancellationToken);

    public async Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandTimeout = _state.CommandTimeoutSeconds;
            return await AuditSearchSql.ReadPageAsync(command, query, instant => instant, ReadRecorded, cancellationToken);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            _dataSource.Clear();
            throw new AuditUnavailableException("The audit database cannot be read.", exception);
        }
    }

    public async Task<long> CountAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandTimeout = _state.CommandTimeoutSeconds;
            return await AuditSearchSql.CountAsync(command, query, instant => instant, cancellationToken);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            _dataSource.Clear();
            throw new AuditUnavailableException("The audit database cannot be read.", exception);
        }
    }

    // Reads never create the schema: an auditor's read-only role may lack CREATE; a missing table fails as unavailable.
    public async IAsyncEnumerable<AuditChainRow> ReadChainAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenOrThrowAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = AuditColumns.SelectChain;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return AuditRowCodec.ReadChainRow(reader, ReadRecorded);
        }
    }

    public async Task<AuditChainHead?> ReadHeadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenOrThrowAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = AuditColumns.SelectHead;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new AuditChainHead(reader.GetInt64(0), reader.GetString(1)) : null;
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _dataSource.DisposeAsync();
        _state.Dispose();
    }

    private static DateTimeOffset ReadRecorded(System.Data.Common.DbDataReader reader, int ordinal) =>
        reader.GetFieldValue<DateTimeOffset>(ordinal);

    private async Task<NpgsqlConnection> OpenOrThrowAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            throw new AuditUnavailableException("The audit database cannot be reached.", exception);
        }
    }
}
