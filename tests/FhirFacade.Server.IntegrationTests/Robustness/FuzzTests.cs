using System.Globalization;
using FhirFacade.Audit;
using FhirFacade.Core.Audit;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.TestKit.Server;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace FhirFacade.Server.IntegrationTests.Robustness;

/// <summary>
/// The bounded fuzz runs: a few thousand generated requests over the in-memory server, and a slice
/// over the real server process on loopback (Kestrel's own parsing and limits in the way). None may
/// get an undocumented 5xx, an error that is not an OperationOutcome in the negotiated format,
/// exception text, or anything but exactly one audit record with the status the caller saw.
/// The seed is printed; <c>FHIRFACADE_FUZZ_SEED</c> runs the same requests again.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FuzzTests(FacadeServerFactory factory, ITestOutputHelper output) : IClassFixture<FacadeServerFactory>
{
    private const int InMemoryCount = 4000;
    private const int ProcessCount = 1500;
    private const int Concurrency = 4;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Fuzz_InMemoryServer_AnswersWithoutServerErrorsAndAuditsEachRequestOnce()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var cancellationToken = timeout.Token;
        var seed = FuzzSeed.Choose();
        using var client = factory.CreateAnonymousClient();
        using var clinician = factory.CreateClient();
        var surface = await FuzzSurfaceLoader.LoadAsync(Endpoints, clinician, client.BaseAddress!, "/fhir", cancellationToken);
        var credentials = FuzzCredentials.InMemory(factory.Services, surface.Ids.TryGetValue("Patient", out var patients) && patients.Count > 0 ? patients[0] : null);
        var requests = Generate(surface, credentials, seed, "fz-mem", FuzzSeed.Count(InMemoryCount));

        var report = await new FuzzRunner(client, client.BaseAddress!, credentials, rawTargets: false).RunAsync(requests, Concurrency, Budget, cancellationToken);

        var audit = await ReadAuditAsync(factory.Services.GetRequiredService<IAuditChainReader>(), cancellationToken);
        AssertClean(report, audit, seed, requests.Count);
    }

    [Fact]
    public async Task Fuzz_ServerProcessOnLoopback_AnswersWithoutServerErrorsAndAuditsEachRequestOnce()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var cancellationToken = timeout.Token;
        var seed = FuzzSeed.Choose();
        var auditPath = Path.Combine(Path.GetTempPath(), "ffuzz-" + Guid.NewGuid().ToString("N")[..12] + ".db");
        try
        {
            FuzzReport report;
            IReadOnlyList<FuzzRequest> requests;
            await using (var server = await FacadeProcess.StartAsync(new Dictionary<string, string> { ["Audit:SqlitePath"] = auditPath }, cancellationToken))
            {
                using var client = new HttpClient { BaseAddress = server.BaseAddress };
                var user = await server.TokenAsync(client, cancellationToken);
                var wrongScope = await server.TokenAsync(client, "user/AuditEvent.rs", cancellationToken);
                using var clinician = new HttpClient { BaseAddress = server.BaseAddress };
                clinician.DefaultRequestHeaders.Authorization = new("Bearer", user);

                // The routes are the application's own table (the process runs the same application); ids come from the process.
                var surface = await FuzzSurfaceLoader.LoadAsync(Endpoints, clinician, server.BaseAddress, "/fhir", cancellationToken);
                var credentials = FuzzCredentials.ForProcess(user, wrongScope);
                requests = Generate(surface, credentials, seed, "fz-proc", FuzzSeed.Count(ProcessCount));
                report = await new FuzzRunner(client, server.BaseAddress, credentials, rawTargets: true).RunAsync(requests, Concurrency, Budget, cancellationToken);
            }

            // Every record was durable before its answer was released, so the process can be gone by now.
            await using var store = AuditStores.Create(new AuditOptions { SqlitePath = auditPath }, TimeProvider.System, NullLoggerFactory.Instance);
            await store.InitializeAsync(cancellationToken);
            AssertClean(report, await ReadAuditAsync(store, cancellationToken), seed, requests.Count);
        }
        finally
        {
            foreach (var file in new[] { auditPath, auditPath + "-wal", auditPath + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private EndpointDataSource Endpoints => factory.Services.GetRequiredService<EndpointDataSource>();

    private static List<FuzzRequest> Generate(FuzzSurface surface, IReadOnlyDictionary<string, string?> credentials, int seed, string prefix, int count)
    {
        var generator = new FuzzRequestGenerator(surface, FuzzCredentials.Weighted(credentials), seed, prefix + "-" + seed.ToString("x", CultureInfo.InvariantCulture));
        return [.. Enumerable.Range(0, count).Select(generator.Next)];
    }

    private void AssertClean(FuzzReport report, ILookup<string, AuditRecord> audit, int seed, int generated)
    {
        output.WriteLine(report.Summary(seed));
        var failures = report.Failures(audit);
        foreach (var group in failures.SelectMany(f => f.Violations).GroupBy(v => v.Split(':')[0]).OrderByDescending(g => g.Count()))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{group.Count(),5} × {group.Key}"));
        }

        output.WriteLine(FuzzReport.Describe(seed, failures, int.MaxValue));
        failures.Count.Should().Be(0, FuzzReport.Describe(seed, failures, 25));
        report.Results.Should().HaveCountGreaterThan(Math.Min(generated, 400), "the run must not stop early without saying so");
        report.Results.Should().Contain(r => r.Response.Status == 200, "the generator must reach the records, not only the gate")
            .And.Contain(r => r.Response.Status == 400);
    }

    private static async Task<ILookup<string, AuditRecord>> ReadAuditAsync(IAuditChainReader reader, CancellationToken cancellationToken)
    {
        var rows = new List<AuditRecord>();
        await foreach (var row in reader.ReadChainAsync(cancellationToken))
        {
            rows.Add(row.Record!);
        }

        return rows.ToLookup(r => r.CorrelationId, StringComparer.Ordinal);
    }
}
