using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using FhirFacade.Audit;
using FhirFacade.Core.Audit;
using FhirFacade.TestKit.Postgres;
using FhirFacade.TestKit.Server;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace FhirFacade.Server.IntegrationTests.Load;

/// <summary>
/// Two facade processes append to one PostgreSQL audit store at the same time, under load (a real
/// cluster, as <c>.ci/run</c> provides; real server processes): afterwards the hash chain verifies, the
/// sequence numbers are 1..n with none repeated, the two processes' records are interleaved in it, and
/// every response either process sent (2xx, 4xx, 503 alike) has exactly one record with its status.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SharedAuditStoreTests(ITestOutputHelper output)
{
    private const int WorkersPerServer = 4;
    private static readonly TimeSpan LoadFor = TimeSpan.FromSeconds(8);

    private static readonly string[] Paths =
    [
        "/fhir/MedicationStatement?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|9990000018",
        "/fhir/Patient/not-an-id-the-facade-issued",
        "/fhir/AllergyIntolerance?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|9990000123",
        "/fhir/metadata",
    ];

    [Fact]
    public async Task TwoServers_AuditingToOnePostgresStoreUnderLoad_KeepOneChainWithARecordForEveryResponse()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var cancellationToken = timeout.Token;
        await using var postgres = await StartPostgresAsync(cancellationToken);
        var options = new AuditOptions { Store = AuditStoreKind.Postgres, PostgresConnectionString = await postgres.CreateDatabaseAsync(cancellationToken) };
        var settings = new Dictionary<string, string>
        {
            ["Audit:Store"] = "Postgres",
            ["Audit:PostgresConnectionString"] = options.PostgresConnectionString,
        };
        var sent = new ConcurrentDictionary<string, (int Server, int Status)>(StringComparer.Ordinal);

        await using (var first = await FacadeProcess.StartAsync(settings, cancellationToken))
        await using (var second = await FacadeProcess.StartAsync(settings, cancellationToken))
        {
            await Task.WhenAll(LoadAsync(first, 0, sent, cancellationToken), LoadAsync(second, 1, sent, cancellationToken));
        }

        await using var store = AuditStores.Create(options, TimeProvider.System, NullLoggerFactory.Instance);
        var verification = await AuditChainVerifier.VerifyAsync(store, cancellationToken);
        var rows = new List<AuditChainRow>();
        await foreach (var row in store.ReadChainAsync(cancellationToken))
        {
            rows.Add(row);
        }

        verification.IsValid.Should().BeTrue(verification.Break?.Description);
        rows.Select(r => r.Sequence).Should().Equal(Enumerable.Range(1, rows.Count).Select(i => (long)i), "sequence numbers are unique and without gaps");
        var recorded = rows.GroupBy(r => r.Record!.CorrelationId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        sent.Should().HaveCountGreaterThan(2 * WorkersPerServer * 10);
        sent.Values.Select(v => v.Server).Distinct().Should().HaveCount(2);
        foreach (var (correlationId, (_, status)) in sent)
        {
            recorded.Should().ContainKey(correlationId, "every response sent was audited");
            recorded[correlationId].Should().ContainSingle("one record per request").Which.Record!.Outcome.HttpStatus.Should().Be(status);
        }

        var order = rows.Where(r => sent.ContainsKey(r.Record!.CorrelationId)).Select(r => sent[r.Record!.CorrelationId].Server).ToList();
        var switches = order.Zip(order.Skip(1)).Count(pair => pair.First != pair.Second);
        output.WriteLine($"{rows.Count} rows; {switches} switches between the servers in sequence order");
        foreach (var group in sent.Values.GroupBy(v => (v.Server, v.Status)).OrderBy(g => g.Key))
        {
            output.WriteLine($"server {group.Key.Server}: {group.Count()} x {group.Key.Status}");
        }

        switches.Should().BeGreaterThan(10, "the two servers appended at the same time");
    }

    private static async Task LoadAsync(FacadeProcess server, int serverIndex, ConcurrentDictionary<string, (int Server, int Status)> sent, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var token = await server.TokenAsync(client, cancellationToken);
        var until = TimeProvider.System.GetTimestamp() + (long)(LoadFor.TotalSeconds * TimeProvider.System.TimestampFrequency);

        async Task WorkerAsync(int worker)
        {
            for (var i = 0; TimeProvider.System.GetTimestamp() < until; i++)
            {
                var correlationId = Guid.NewGuid().ToString("D");
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, Paths[(worker + i) % Paths.Length]));
                // Every fifth request carries no token: refused with 401, and audited all the same.
                if ((worker + i) % 5 != 0)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                request.Headers.Add("X-Request-Id", correlationId);
                using var response = await client.SendAsync(request, cancellationToken);
                await response.Content.ReadAsByteArrayAsync(cancellationToken);
                // What this test holds is the audit, not the answers: any answer the facade documents is fine, as long
                // as it has its record. 504 is the documented answer when every holder timed out; on a machine starved
                // by other work the in-process simulators can (one CI run on a load average of 26 saw one), so only
                // an undocumented status, a 500, fails here.
                response.StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.Unauthorized, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout);
                sent[correlationId] = (serverIndex, (int)response.StatusCode);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, WorkersPerServer).Select(WorkerAsync));
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
