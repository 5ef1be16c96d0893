using System.Threading.RateLimiting;

namespace FhirFacade.Server.Throttling;

/// <summary>
/// The rate-limiting middleware's global limiter: every request it sees shares the one
/// <see cref="GatewayConcurrencyLimiter"/> (one partition). Endpoints marked
/// <c>DisableRateLimiting()</c> never reach it.
/// </summary>
internal sealed class GatewayPartitionedLimiter(GatewayConcurrencyLimiter limiter) : PartitionedRateLimiter<HttpContext>
{
    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => limiter.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) => limiter.AttemptAcquire(permitCount);

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        limiter.AcquireAsync(permitCount, cancellationToken);
}
