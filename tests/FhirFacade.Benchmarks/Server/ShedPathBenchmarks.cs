using System.Net;
using System.Net.Http.Headers;
using System.Threading.RateLimiting;
using BenchmarkDotNet.Attributes;
using FhirFacade.Server.Throttling;
using Microsoft.Extensions.DependencyInjection;

namespace FhirFacade.Benchmarks.Server;

/// <summary>
/// What a shed request costs the server (issue #13 item 6: the admitted requests share the cores with the shed
/// ones). The in-memory server has one permit, no queue, and the benchmark holds that permit, so every request
/// is shed: token check, limiter, 503 OperationOutcome, audit record. <see cref="Concurrent"/> requests are sent
/// at once (time is per batch): with 1 each waits for its own audit commit; with 16 the commits are shared, so
/// the time per request comes closer to its CPU cost. <see cref="Audit"/>: <c>WaitForCommit</c> holds the 503
/// until its record is durably committed (as before, <c>ReleaseBeforeAuditCommit=false</c>); <c>ReleaseFirst</c>
/// releases it once the record is queued (the default); <c>Off</c> writes no record at all (benchmarks only: the
/// floor of everything but the audit).
/// </summary>
[MemoryDiagnoser]
public class ShedPathBenchmarks
{
    private BenchmarkFacadeFactory _factory = null!;
    private HttpClient _client = null!;
    private RateLimitLease _held = null!;
    private Uri _search = null!;

    [Params("WaitForCommit", "ReleaseFirst", "Off")]
    public string Audit { get; set; } = "ReleaseFirst";

    [Params(1, 16)]
    public int Concurrent { get; set; } = 1;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        _held.Dispose();
        _client.Dispose();
        _factory.Dispose();
    }

    [Benchmark]
    public async Task<int> ShedSearch()
    {
        var requests = new Task<int>[Concurrent];
        for (var i = 0; i < requests.Length; i++)
        {
            requests[i] = SendAsync();
        }

        var lengths = await Task.WhenAll(requests);
        return lengths[^1];
    }

    private async Task<int> SendAsync()
    {
        using var response = await _client.GetAsync(_search);
        var body = await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == HttpStatusCode.ServiceUnavailable ? body.Length : throw new InvalidOperationException($"expected a shed 503, got {(int)response.StatusCode}");
    }

    private async Task SetupAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Facade:LoadShedding:PermitLimit"] = "1",
            ["Facade:LoadShedding:QueueLimit"] = "0",
            ["Facade:LoadShedding:ReleaseBeforeAuditCommit"] = Audit == "WaitForCommit" ? "false" : "true",
        };
        if (Audit == "Off")
        {
            settings["Audit:Store"] = "None";
            settings["Audit:AllowNoneForBenchmarks"] = "true";
        }

        _factory = new BenchmarkFacadeFactory(settings);
        _client = _factory.CreateClient();
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _factory.ClinicianToken());
        _search = new Uri("/fhir/Condition?patient.identifier=https://fhir.nhs.uk/Id/nhs-number%7C9990000050", UriKind.Relative);
        _held = _factory.Services.GetRequiredService<GatewayConcurrencyLimiter>().AttemptAcquire();
        if (!_held.IsAcquired)
        {
            throw new InvalidOperationException("the benchmark must hold the only permit");
        }

        await ShedSearch();
    }
}
