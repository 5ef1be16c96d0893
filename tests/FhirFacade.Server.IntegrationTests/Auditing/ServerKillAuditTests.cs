using System.Collections.Concurrent;
using System.Net.Http.Headers;
using FhirFacade.Audit;
using FhirFacade.Core.Audit;
using FhirFacade.TestKit.Postgres;
using FhirFacade.TestKit.Server;
using Microsoft.Extensions.Logging.Abstractions;

namespace FhirFacade.Server.IntegrationTests.Auditing;

/// <summary>
/// Audit durability end to end: the server runs as its own process under concurrent load and is
/// killed with SIGKILL, three times; afterwards every response a client received has its audit
/// record, and the hash chain verifies — for the SQLite store and for a real PostgreSQL cluster.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ServerKillAuditTests
{
    private const int Rounds = 3;
    private const int Workers = 4;

    public static TheoryData<string> Stores() => ["Sqlite", "Postgres"];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Server_KilledDuringLoad_KeepsAnAuditRecordForEveryResponseReceived(string store)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var cancellationToken = timeout.Token;
        await using var postgres = store == "Postgres" ? await StartPostgresAsync(cancellationToken) : null;
        var options = new AuditOptions();
        var settings = new Dictionary<string, string> { ["Audit:Store"] = store };
        if (postgres is null)
        {
            options.SqlitePath = Path.Combine(Path.GetTempPath(), "ffkill-" + Guid.NewGuid().ToString("N")[..12] + ".db");
            settings["Audit:SqlitePath"] = options.SqlitePath;
        }
        else
        {
            options.Store = AuditStoreKind.Postgres;
            options.PostgresConnectionString = postgres.ConnectionString(await postgres.CreateDatabaseAsync(cancellationToken));
            settings["Audit:PostgresConnectionString"] = options.PostgresConnectionString;
        }

        var received = new ConcurrentBag<string>();
        for (var round = 0; round < Rounds; round++)
        {
            await using var server = await FacadeProcess.StartAsync(settings, cancellationToken);
            await LoadThenKillAsync(server, received, killAfter: 30 + (round * 15), cancellationToken);
        }

        await using var auditStore = AuditStores.Create(options, TimeProvider.System, NullLoggerFactory.Instance);
        await auditStore.InitializeAsync(cancellationToken);
        var verification = await AuditChainVerifier.VerifyAsync(auditStore, cancellationToken);
        var stored = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in auditStore.ReadChainAsync(cancellationToken))
        {
            stored.Add(row.Record!.CorrelationId);
        }

        received.Should().HaveCountGreaterThanOrEqualTo(30 + 45 + 60);
        verification.IsValid.Should().BeTrue(verification.Break?.Description);
        received.Should().OnlyContain(id => stored.Contains(id), "every response the client received was audited before it was released");
        if (options.SqlitePath is not null)
        {
            File.Delete(options.SqlitePath);
        }
    }

    private static async Task LoadThenKillAsync(FacadeProcess server, ConcurrentBag<string> received, int killAfter, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var token = await server.TokenAsync(client, cancellationToken);
        var count = 0;
        var killed = 0;
        var paths = new[]
        {
            "/fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9990000018",
            "/fhir/MedicationStatement?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|9990000123",
            "/fhir/metadata",
        };

        async Task WorkerAsync(int worker)
        {
            for (var i = 0; Volatile.Read(ref killed) == 0 && i < 10_000; i++)
            {
                var correlationId = Guid.NewGuid().ToString("D");
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, paths[(worker + i) % paths.Length]));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                request.Headers.Add("X-Request-Id", correlationId);
                try
                {
                    using var response = await client.SendAsync(request, cancellationToken);
                    await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    received.Add(correlationId);
                }
                catch (HttpRequestException)
                {
                    return;
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                if (Interlocked.Increment(ref count) == killAfter && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    // Kill while the other workers' requests are still in flight.
                    server.Kill();
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(WorkerAsync));
        server.Kill();
    }

    private static async Task<PostgresCluster> StartPostgresAsync(CancellationToken cancellationToken)
    {
        if (PostgresBinaries.SkipReason is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        return await PostgresCluster.StartAsync(cancellationToken);
    }
}
