using System.Threading.RateLimiting;
using BenchmarkDotNet.Attributes;
using FhirFacade.Server.Security;
using FhirFacade.Server.Throttling;
using Microsoft.Extensions.DependencyInjection;

namespace FhirFacade.Benchmarks.Server;

/// <summary>
/// The two checks a shed request passes before it is refused: the token check of a token the server has seen
/// before (what every request of a client that keeps its token costs; ADR 0010 weighs shedding before it), and
/// the limiter's refusal when it is full.
/// </summary>
[MemoryDiagnoser]
public class ShedDecisionBenchmarks
{
    private BenchmarkFacadeFactory _factory = null!;
    private SmartTokenValidator _validator = null!;
    private GatewayConcurrencyLimiter _limiter = null!;
    private RateLimitLease _held = null!;
    private string _token = null!;

    [GlobalSetup]
    public void Setup()
    {
        _factory = new BenchmarkFacadeFactory(new Dictionary<string, string?>
        {
            ["Facade:LoadShedding:PermitLimit"] = "1",
            ["Facade:LoadShedding:QueueLimit"] = "0",
        });
        _validator = _factory.Services.GetRequiredService<SmartTokenValidator>();
        _limiter = _factory.Services.GetRequiredService<GatewayConcurrencyLimiter>();
        _token = _factory.ClinicianToken();
        _held = _limiter.AttemptAcquire();
        if (!RememberedTokenCheck().GetAwaiter().GetResult())
        {
            throw new InvalidOperationException("the token must be accepted");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _held.Dispose();
        _factory.Dispose();
    }

    [Benchmark]
    public async Task<bool> RememberedTokenCheck() =>
        (await _validator.ValidateAsync(_token, BenchmarkFacadeFactory.Issuer, BenchmarkFacadeFactory.Audience, CancellationToken.None)).Caller is not null;

    [Benchmark]
    public bool LimiterRefusal()
    {
        using var lease = _limiter.AttemptAcquire();
        return lease.IsAcquired;
    }
}
