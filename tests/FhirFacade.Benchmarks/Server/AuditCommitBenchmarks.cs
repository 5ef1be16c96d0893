using BenchmarkDotNet.Attributes;
using FhirFacade.Audit;
using FhirFacade.Core.Audit;

namespace FhirFacade.Benchmarks.Server;

/// <summary>
/// The durable audit append as requests see it: <see cref="Concurrent"/> appends at once (the load
/// benchmark runs 4 connections), each awaited until committed (SQLite WAL, <c>synchronous=FULL</c>,
/// group commit). Time is per append: with group commit, 4 concurrent appends should cost far less
/// than 4 fsyncs.
/// </summary>
[MemoryDiagnoser]
public class AuditCommitBenchmarks
{
    private IAuditStore _audit = null!;
    private string _directory = null!;
    private int _sequence;

    [Params(1, 4)]
    public int Concurrent { get; set; } = 1;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("ffaudit-commit-").FullName;
        _audit = AuditStores.Create(new AuditOptions { SqlitePath = Path.Combine(_directory, "audit.db") }, TimeProvider.System);
        _audit.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _audit.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark]
    public async Task<long> Append()
    {
        var appends = new Task<AuditEntry>[Concurrent];
        for (var i = 0; i < appends.Length; i++)
        {
            appends[i] = _audit.AppendAsync(Record(), CancellationToken.None).AsTask();
        }

        var entries = await Task.WhenAll(appends);
        return entries[^1].Sequence;
    }

    private AuditRecord Record() => new()
    {
        Recorded = TimeProvider.System.GetUtcNow(),
        CorrelationId = "bench-" + Interlocked.Increment(ref _sequence),
        Agent = new AuditAgent("demo-client", "demo-user", null, "A81001"),
        Interaction = AuditInteractions.Read,
        Method = "GET",
        PathTemplate = "/fhir/{type}/{id}",
        ResourceTypes = ["Patient"],
        PatientNhsNumber = BenchmarkFacadeFactory.DemoNhsNumber,
        Sources = [new AuditSource("emis", "A81001")],
        ResourceCount = 1,
        Outcome = new AuditOutcome(200),
        SourceIp = "127.0.0.1",
    };
}
