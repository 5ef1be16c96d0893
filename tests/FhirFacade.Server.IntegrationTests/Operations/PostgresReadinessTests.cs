using System.Net;
using FhirFacade.Audit;
using FhirFacade.Server.Health;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.TestKit.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace FhirFacade.Server.IntegrationTests.Operations;

/// <summary>
/// Readiness over a real PostgreSQL audit store (a throw-away cluster, as <c>.ci/run</c> provides): ready
/// while the store can take a write; unready when the database goes away, and when the configured role
/// may read the trail but not append to it. Nothing is appended by the probe.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PostgresReadinessTests
{
    [Fact]
    public async Task Ready_WhenThePostgresStoreStops_Answers503()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var postgres = await StartPostgresAsync(timeout.Token);
        await using var server = new PostgresFactory(await postgres.CreateDatabaseAsync(timeout.Token));
        using var client = server.CreateAnonymousClient();

        var before = await client.GetAsync(new Uri(HealthEndpoints.ReadyPath, UriKind.Relative), timeout.Token);
        await postgres.StopAsync(timeout.Token);
        var after = await client.GetAsync(new Uri(HealthEndpoints.ReadyPath, UriKind.Relative), timeout.Token);
        var live = await client.GetAsync(new Uri(HealthEndpoints.LivePath, UriKind.Relative), timeout.Token);

        before.StatusCode.Should().Be(HttpStatusCode.OK);
        after.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        live.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ready_WhenTheRoleMayReadButNotAppend_Answers503AndAppendsNothing()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var postgres = await StartPostgresAsync(timeout.Token);
        var owner = await postgres.CreateDatabaseAsync(timeout.Token);
        await using (var store = AuditStores.Create(new AuditOptions { Store = AuditStoreKind.Postgres, PostgresConnectionString = owner }, TimeProvider.System, NullLoggerFactory.Instance))
        {
            await store.InitializeAsync(timeout.Token);
        }

        await ExecuteAsync(owner, "CREATE ROLE audit_reader LOGIN; GRANT SELECT ON audit_event, audit_chain_head TO audit_reader;", timeout.Token);
        var reader = new NpgsqlConnectionStringBuilder(owner) { Username = "audit_reader" }.ConnectionString;
        await using var server = new PostgresFactory(reader);
        using var client = server.CreateAnonymousClient();

        var ready = await client.GetAsync(new Uri(HealthEndpoints.ReadyPath, UriKind.Relative), timeout.Token);

        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await ScalarAsync(owner, "SELECT count(*) FROM audit_event", timeout.Token)).Should().Be(0L, "the probe appends nothing");
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task<PostgresCluster> StartPostgresAsync(CancellationToken cancellationToken) =>
        PostgresBinaries.SkipReason is { } reason
            ? throw new InvalidOperationException(reason)
            : await PostgresCluster.StartAsync(cancellationToken);

    /// <summary>The embedded default auditing to PostgreSQL.</summary>
    private sealed class PostgresFactory(string connectionString) : FacadeServerFactory
    {
        protected override Dictionary<string, string?> Settings => new()
        {
            ["Audit:Store"] = "Postgres",
            ["Audit:PostgresConnectionString"] = connectionString,
        };
    }
}
