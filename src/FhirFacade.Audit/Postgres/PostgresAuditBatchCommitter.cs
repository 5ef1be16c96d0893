using FhirFacade.Audit.GroupCommit;
using FhirFacade.Audit.Storage;
using FhirFacade.Core.Audit;
using Npgsql;

namespace FhirFacade.Audit.Postgres;

/// <summary>
/// Commits a batch in one transaction: lock the chain-head row (<c>SELECT ... FOR UPDATE</c>),
/// chain the records after it, insert them and move the head. The row lock serialises appends from
/// every facade instance sharing the database, so the chain stays linear; the primary key on
/// <c>seq</c> makes a duplicate impossible even if the lock were bypassed.
/// </summary>
internal sealed class PostgresAuditBatchCommitter(NpgsqlDataSource dataSource, PostgresAuditTrailState state) : IAuditBatchCommitter
{
    private const string LockHead = "SELECT seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE";

    public async Task<IReadOnlyList<AuditEntry>> CommitAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        await state.EnsureSchemaAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        AuditChainHead head;
        await using (var lockHead = new NpgsqlCommand(LockHead, connection, transaction))
        {
            lockHead.CommandTimeout = state.CommandTimeoutSeconds;
            await using var reader = await lockHead.ExecuteReaderAsync(cancellationToken);
            head = await reader.ReadAsync(cancellationToken)
                ? new AuditChainHead(reader.GetInt64(0), reader.GetString(1))
                : throw new AuditUnavailableException("The audit chain head row is missing.");
        }

        var entries = AuditChain.Append(head, records);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.Timeout = state.CommandTimeoutSeconds;
            foreach (var entry in entries)
            {
                var insert = new NpgsqlBatchCommand(AuditColumns.Insert);
                BindInsert(insert, entry);
                batch.BatchCommands.Add(insert);
            }

            var moveHead = new NpgsqlBatchCommand(AuditColumns.UpdateHead);
            moveHead.Parameters.AddWithValue("head_seq", entries[^1].Sequence);
            moveHead.Parameters.AddWithValue("head_hash", entries[^1].Hash);
            batch.BatchCommands.Add(moveHead);
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return entries;
    }

    // PostgreSQL checkpoints on its own: nothing to do between batches.
    public ValueTask AfterCallersReleasedAsync() => ValueTask.CompletedTask;

    public ValueTask ResetAsync()
    {
        // Broken pooled connections (e.g. after a server restart) must not be handed out again.
        dataSource.Clear();
        state.SchemaMayBeMissing();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static void BindInsert(NpgsqlBatchCommand command, AuditEntry entry)
    {
        var record = entry.Record;
        var parameters = command.Parameters;
        parameters.AddWithValue("seq", entry.Sequence);
        parameters.AddWithValue("recorded", record.Recorded);
        parameters.AddWithValue("correlation_id", record.CorrelationId);
        parameters.AddWithValue("agent_client_id", (object?)record.Agent.ClientId ?? DBNull.Value);
        parameters.AddWithValue("agent_user_id", (object?)record.Agent.UserId ?? DBNull.Value);
        parameters.AddWithValue("agent_role_id", (object?)record.Agent.PractitionerRoleId ?? DBNull.Value);
        parameters.AddWithValue("agent_ods", (object?)record.Agent.OrganisationOdsCode ?? DBNull.Value);
        parameters.AddWithValue("interaction", record.Interaction);
        parameters.AddWithValue("method", record.Method);
        parameters.AddWithValue("path_template", record.PathTemplate);
        parameters.AddWithValue("resource_types", AuditRowCodec.SerializeResourceTypes(record));
        parameters.AddWithValue("patient_nhs_number", (object?)record.PatientNhsNumber ?? DBNull.Value);
        parameters.AddWithValue("sources", AuditRowCodec.SerializeSources(record));
        parameters.AddWithValue("resource_count", record.ResourceCount);
        parameters.AddWithValue("http_status", record.Outcome.HttpStatus);
        parameters.AddWithValue("issue_code", (object?)record.Outcome.IssueCode ?? DBNull.Value);
        parameters.AddWithValue("spine_code", (object?)record.Outcome.SpineCode ?? DBNull.Value);
        parameters.AddWithValue("source_ip", (object?)record.SourceIp ?? DBNull.Value);
        parameters.AddWithValue("previous_hash", entry.PreviousHash);
        parameters.AddWithValue("hash", entry.Hash);
    }
}
