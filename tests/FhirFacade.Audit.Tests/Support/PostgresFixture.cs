using FhirFacade.TestKit.Postgres;

namespace FhirFacade.Audit.Tests.Support;

/// <summary>
/// One PostgreSQL cluster shared by the store tests (each test gets its own database). Without
/// the binaries it stays empty and the PostgreSQL cases are skipped, except in CI, where starting
/// it fails the tests.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresCluster? _cluster;

    public async Task InitializeAsync()
    {
        if (PostgresBinaries.SkipReason is null)
        {
            _cluster = await PostgresCluster.StartAsync(CancellationToken.None);
        }
    }

    public Task<string> CreateDatabaseAsync() =>
        (_cluster ?? throw new InvalidOperationException(PostgresBinaries.SkipReason)).CreateDatabaseAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
