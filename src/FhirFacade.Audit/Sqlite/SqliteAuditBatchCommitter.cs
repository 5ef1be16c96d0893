using FhirFacade.Audit.GroupCommit;
using FhirFacade.Audit.Storage;
using FhirFacade.Core.Audit;
using Microsoft.Data.Sqlite;

namespace FhirFacade.Audit.Sqlite;

/// <summary>
/// Commits a batch in one <c>BEGIN IMMEDIATE</c> transaction: read the chain head, insert the
/// chained rows, move the head. The head is read inside the write lock every time, so the chain
/// stays linear even if another process writes the same file. After each commit the checkpointer
/// is told; the checkpoint work that has to run on this connection runs only after the batch's
/// callers have been released (<see cref="AfterCallersReleasedAsync"/>).
/// </summary>
internal sealed class SqliteAuditBatchCommitter(SqliteAuditDatabase database, SqliteWalCheckpointer checkpointer) : IAuditBatchCommitter
{
    private SqliteConnection? _connection;

    public async Task<IReadOnlyList<AuditEntry>> CommitAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        var connection = _connection ??= await database.OpenWriterAsync(cancellationToken);
        database.EnsureFilePresent();
        using var transaction = connection.BeginTransaction(deferred: false);
        var head = await ReadHeadAsync(connection, transaction, cancellationToken);
        var entries = AuditChain.Append(head, records);

        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = AuditColumns.Insert;
            foreach (var entry in entries)
            {
                insert.Parameters.Clear();
                AuditRowCodec.Bind(insert, entry, SqliteAuditDatabase.ToUnixMicroseconds(entry.Record.Recorded));
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await using (var moveHead = connection.CreateCommand())
        {
            moveHead.Transaction = transaction;
            moveHead.CommandText = AuditColumns.UpdateHead;
            AuditRowCodec.Add(moveHead, "@head_seq", entries[^1].Sequence);
            AuditRowCodec.Add(moveHead, "@head_hash", entries[^1].Hash);
            await moveHead.ExecuteNonQueryAsync(cancellationToken);
        }

        transaction.Commit();
        checkpointer.Committed();
        return entries;
    }

    public async ValueTask AfterCallersReleasedAsync()
    {
        if (_connection is { } connection)
        {
            await checkpointer.FinishOnWriterIfDueAsync(connection);
        }
    }

    public async ValueTask ResetAsync()
    {
        var connection = _connection;
        _connection = null;
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ResetAsync();
        await checkpointer.DisposeAsync();
    }

    internal static async Task<AuditChainHead> ReadHeadAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = AuditColumns.SelectHead;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new AuditChainHead(reader.GetInt64(0), reader.GetString(1))
            : throw new AuditUnavailableException("The audit chain head row is missing.");
    }
}
