using System.Globalization;
using Microsoft.Extensions.Options;

namespace FhirFacade.Core.Gateway;

/// <summary>
/// Measures how the process's work waits to run, two ways, on a dedicated thread (a pool thread would
/// itself wait under starvation and stop measuring):
/// <list type="bullet">
/// <item>a <b>thread-pool probe</b>: one work item queued at the back of the pool's global queue, where
/// supplier answers and request continuations wait too; the time it waits before it runs is added to
/// <see cref="ProcessLoad.ThreadPoolWait"/> (a probe still waiting counts up to the moment of reading);</item>
/// <item>on Linux, <b>CPU run-queue wait</b>: the process's threads' time waiting for a CPU and running
/// on one, summed from <c>/proc/self/task/*/schedstat</c> (<see cref="ProcessLoad.CpuWait"/>,
/// <see cref="ProcessLoad.CpuRun"/>). This is what a process with more work than cores shows even while
/// its pool keeps up: every work item gets a thread, and then waits for a core.</item>
/// </list>
/// Sampled every <see cref="GatewayOptions.StarvationProbeInterval"/> (then the probe is waited for);
/// readings are in-memory totals, so a supplier call reading them costs nothing.
/// </summary>
internal sealed class ProcessStarvationMonitor : IProcessLoad, IDisposable
{
    private readonly TimeProvider _timeProvider;
    private readonly Action<Action> _post;
    private readonly Func<CpuTimes?> _readCpuTimes;
    private readonly Lock _gate = new();
    private readonly ManualResetEventSlim _ran = new(initialState: true);
    private readonly ManualResetEventSlim _stop = new(initialState: false);
    private long _poolWaitTicks;
    private long _pendingSince;
    private CpuTimes _cpu;
    private bool _disposed;

    public ProcessStarvationMonitor(IOptions<GatewayOptions> options, TimeProvider timeProvider)
        : this(timeProvider, static probe => ThreadPool.UnsafeQueueUserWorkItem(static p => p(), probe, preferLocal: false), new ThreadCpuTimes().Read)
    {
        var interval = options.Value.StarvationProbeInterval;
        new Thread(() => Run(interval)) { IsBackground = true, Name = "FhirFacade starvation probe" }.Start();
    }

    /// <summary>For tests: no probing thread; <paramref name="post"/> stands in for the thread pool's queue.</summary>
    internal ProcessStarvationMonitor(TimeProvider timeProvider, Action<Action> post, Func<CpuTimes?> readCpuTimes)
    {
        _timeProvider = timeProvider;
        _post = post;
        _readCpuTimes = readCpuTimes;
        _cpu = readCpuTimes() ?? default;
    }

    public ProcessLoad Read()
    {
        var now = _timeProvider.GetTimestamp();
        long poolWait;
        CpuTimes cpu;
        lock (_gate)
        {
            poolWait = _poolWaitTicks + (_pendingSince == 0 ? 0 : Math.Max(0, now - _pendingSince));
            cpu = _cpu;
        }

        return new ProcessLoad(
            TimeSpan.FromSeconds((double)poolWait / _timeProvider.TimestampFrequency),
            TimeSpan.FromTicks(cpu.WaitNanoseconds / 100),
            TimeSpan.FromTicks(cpu.RunNanoseconds / 100));
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

    /// <summary>Takes the CPU figures and queues the next probe (unless one is still waiting or the monitor is disposed).</summary>
    internal void Sample()
    {
        var cpu = _readCpuTimes();
        lock (_gate)
        {
            if (_disposed || _pendingSince != 0)
            {
                return;
            }

            if (cpu is { } current)
            {
                _cpu = current;
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
            _poolWaitTicks += Math.Max(0, now - _pendingSince);
            _pendingSince = 0;
        }

        _ran.Set();
    }

    private void Run(TimeSpan interval)
    {
        while (!_stop.Wait(interval))
        {
            Sample();
            WaitHandle.WaitAny([_ran.WaitHandle, _stop.WaitHandle]);
        }
    }

    /// <summary>Total nanoseconds the process's threads have run on a CPU, and waited runnable for one.</summary>
    internal readonly record struct CpuTimes(long RunNanoseconds, long WaitNanoseconds);

    /// <summary>
    /// Linux: the process's threads' time on a CPU and waiting for one, from <c>/proc/self/task/*/schedstat</c>,
    /// as running totals that never go down (a thread that ends takes its figures with it, so each thread's
    /// growth since the last read is added); elsewhere null. One reader per caller thread.
    /// </summary>
    internal sealed class ThreadCpuTimes
    {
        private const string Tasks = "/proc/self/task";
        private Dictionary<string, CpuTimes> _seen = new(StringComparer.Ordinal);
        private long _run;
        private long _wait;

        public CpuTimes? Read()
        {
            if (!Directory.Exists(Tasks))
            {
                return null;
            }

            var now = new Dictionary<string, CpuTimes>(_seen.Count, StringComparer.Ordinal);
            foreach (var task in Directory.EnumerateDirectories(Tasks))
            {
                if (TryRead(task) is not { } times)
                {
                    continue;
                }

                var id = Path.GetFileName(task);
                var before = _seen.TryGetValue(id, out var seen) ? seen : default;
                _run += Math.Max(0, times.RunNanoseconds - before.RunNanoseconds);
                _wait += Math.Max(0, times.WaitNanoseconds - before.WaitNanoseconds);
                now[id] = times;
            }

            _seen = now;
            return new CpuTimes(_run, _wait);
        }

        private static CpuTimes? TryRead(string task)
        {
            try
            {
                var fields = File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return fields.Length >= 2
                    && long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var run)
                    && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var wait)
                    ? new CpuTimes(run, wait)
                    : null;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The thread ended between listing and reading, or the figures are not ours to read.
                return null;
            }
        }
    }
}
