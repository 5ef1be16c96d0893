using FhirFacade.Core.Audit;
using Npgsql;

namespace FhirFacade.Audit.Postgres;

/// <summary>
/// Creates the audit schema if missing. Instances starting together serialise on a
/// transaction-level advisory lock, since concurrent <c>CREATE TABLE IF NOT EXISTS</c> can race.
/// </summary>
internal static class PostgresAuditSchema
{
    /// <summary>The advisory lock key for schema creation ("FFAUDIT" in ASCII).</summary>
    public const long SchemaLockKey = 0x46_46_41_55_44_49_54;

    private const string CreateStatements = """
        CREATE TABLE IF NOT EXISTS audit_event (
            seq bigint PRIMARY KEY,
            recorded timestamptz NOT NULL,
            correlation_id text NOT NULL,
            agent_client_id text,
            agent_user_id text,
            agent_role_id text,
            agent_ods text,
            interaction text NOT NULL,
            method text NOT NULL,
            path_template text NOT NULL,
            resource_types text NOT NULL,
            patient_nhs_number text,
            sources text NOT NULL,
            resource_count integer NOT NULL,
            http_status integer NOT NULL,
            issue_code text,
            spine_code text,
            source_ip text,
            previous_hash text NOT NULL,
            hash text NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_audit_event_patient ON audit_event (patient_nhs_number, seq);
        CREATE INDEX IF NOT EXISTS ix_audit_event_recorded ON audit_event (recorded);
        CREATE INDEX IF NOT EXISTS ix_audit_event_correlation ON audit_event (correlation_id);
        CREATE INDEX IF NOT EXISTS ix_audit_event_agent ON audit_event (agent_user_id);
        CREATE TABLE IF NOT EXISTS audit_chain_head (
            id integer PRIMARY KEY CHECK (id = 1),
            seq bigint NOT NULL,
            hash text NOT NULL);
        INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, @genesis) ON CONFLICT (id) DO NOTHING;
        """;

    public static async Task EnsureAsync(NpgsqlDataSource dataSource, int commandTimeoutSeconds, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.CommandTimeout = commandTimeoutSeconds;
            lockCommand.Parameters.AddWithValue("key", SchemaLockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var create = new NpgsqlCommand(CreateStatements, connection, transaction))
        {
            create.CommandTimeout = commandTimeoutSeconds;
            create.Parameters.AddWithValue("genesis", AuditChain.GenesisHash);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
