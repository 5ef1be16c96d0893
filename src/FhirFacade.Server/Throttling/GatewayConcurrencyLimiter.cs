using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace FhirFacade.Server.Throttling;

/// <summary>
/// The one concurrency limit of the process: the framework's <see cref="ConcurrencyLimiter"/> (permits,
/// a bounded queue served oldest first) with a time limit on the wait in the queue, which the framework's
/// limiter does not have. A request that cannot be admitted gets a lease saying why. Public so that the benchmarks
/// (tests/FhirFacade.Benchmarks, not a friend of the server) can price its refusal.
/// </summary>
public sealed class GatewayConcurrencyLimiter : RateLimiter
{
    private readonly ConcurrencyLimiter _inner;
    private readonly TimeSpan _queueTimeout;
    private readonly TimeProvider _timeProvider;

    public GatewayConcurrencyLimiter(IOptions<LoadSheddingOptions> options, TimeProvider timeProvider)
    {
        var settings = options.Value;
        PermitLimit = settings.PermitLimit;
        _queueTimeout = settings.QueueTimeout;
        _timeProvider = timeProvider;
        _inner = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = settings.PermitLimit,
            QueueLimit = settings.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Requests served at once, at most.</summary>
    public int PermitLimit { get; }

    /// <summary>Requests holding a permit now.</summary>
    public long InFlight => PermitLimit - (_inner.GetStatistics()?.CurrentAvailablePermits ?? PermitLimit);

    /// <summary>Requests waiting for a permit now.</summary>
    public long QueueLength => _inner.GetStatistics()?.CurrentQueuedCount ?? 0;

    public override TimeSpan? IdleDuration => _inner.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => _inner.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        var lease = _inner.AttemptAcquire(permitCount);
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        return ShedLease.QueueFull;
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        var immediate = _inner.AttemptAcquire(permitCount);
        if (immediate.IsAcquired)
        {
            return immediate;
        }

        immediate.Dispose();
        using var timeout = new CancellationTokenSource(_queueTimeout, _timeProvider);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var lease = await _inner.AcquireAsync(permitCount, wait.Token);
            if (lease.IsAcquired)
            {
                return lease;
            }

            lease.Dispose();
            return ShedLease.QueueFull;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return ShedLease.QueueTimeout;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await _inner.DisposeAsync();
        await base.DisposeAsyncCore();
    }
}
