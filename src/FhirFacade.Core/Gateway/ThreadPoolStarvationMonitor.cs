using Microsoft.Extensions.Options;

namespace FhirFacade.Core.Gateway;

/// <summary>
/// Measures thread-pool starvation with a probe: a dedicated thread (not a pool thread, which would
/// itself wait under starvation and stop measuring) queues one work item at the back of the pool's
/// global queue, where supplier answers and request continuations wait too, and the time that item
/// waits before it runs is added to <see cref="StarvedTime"/>. A probe still waiting counts up to the
/// moment of reading, so the total grows smoothly while the process is starved and hardly at all while
/// it keeps up (a healthy pool runs the probe within microseconds). One probe is outstanding at a time;
/// the next is queued <see cref="GatewayOptions.StarvationProbeInterval"/> after the last one ran.
/// </summary>
internal sealed class ThreadPoolStarvationMonitor : IProcessLoad, IDisposable
{
    private readonly TimeProvider _timeProvider;
    private readonly Action<Action> _post;
    private readonly Lock _gate = new();
    private readonly ManualResetEventSlim _ran = new(initialState: true);
    private readonly ManualResetEventSlim _stop = new(initialState: false);
    private long _starvedTicks;
    private long _pendingSince;
    private bool _disposed;

    public ThreadPoolStarvationMonitor(IOptions<GatewayOptions> options, TimeProvider timeProvider)
        : this(timeProvider, static probe => ThreadPool.UnsafeQueueUserWorkItem(static p => p(), probe, preferLocal: false))
    {
        var interval = options.Value.StarvationProbeInterval;
        new Thread(() => Run(interval)) { IsBackground = true, Name = "FhirFacade starvation probe" }.Start();
    }

    /// <summary>For tests: no probing thread; <paramref name="post"/> stands in for the thread pool's queue.</summary>
    internal ThreadPoolStarvationMonitor(TimeProvider timeProvider, Action<Action> post)
    {
        _timeProvider = timeProvider;
        _post = post;
    }

    public TimeSpan StarvedTime
    {
        get
        {
            var now = _timeProvider.GetTimestamp();
            long starved;
            lock (_gate)
            {
                starved = _starvedTicks + (_pendingSince == 0 ? 0 : Math.Max(0, now - _pendingSince));
            }

            return TimeSpan.FromSeconds((double)starved / _timeProvider.TimestampFrequency);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        // The probing thread may still touch the events; it stops at its next wait, and they hold no OS handle until waited on by handle.
        _stop.Set();
    }

    /// <summary>Queues a probe unless one is still waiting (or the monitor is disposed).</summary>
    internal void PostProbe()
    {
        lock (_gate)
        {
            if (_disposed || _pendingSince != 0)
            {
                return;
            }

            _pendingSince = _timeProvider.GetTimestamp();
            _ran.Reset();
        }

        _post(ProbeRan);
    }

    private void ProbeRan()
    {
        var now = _timeProvider.GetTimestamp();
        lock (_gate)
        {
            _starvedTicks += Math.Max(0, now - _pendingSince);
            _pendingSince = 0;
        }

        _ran.Set();
    }

    private void Run(TimeSpan interval)
    {
        while (!_stop.Wait(interval))
        {
            PostProbe();
            WaitHandle.WaitAny([_ran.WaitHandle, _stop.WaitHandle]);
        }
    }
}
