using Npgsql;

namespace FhirFacade.Audit.Postgres;

/// <summary>Whether this instance has made sure the schema exists, and the command timeout it uses.</summary>
internal sealed class PostgresAuditTrailState(NpgsqlDataSource dataSource, int commandTimeoutSeconds) : IDisposable
{
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    public int CommandTimeoutSeconds { get; } = commandTimeoutSeconds;

    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken);
        try
        {
            if (!_schemaReady)
            {
                await PostgresAuditSchema.EnsureAsync(dataSource, CommandTimeoutSeconds, cancellationToken);
                _schemaReady = true;
            }
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    public void SchemaMayBeMissing() => _schemaReady = false;

    public void Dispose() => _schemaGate.Dispose();
}
