namespace FhirFacade.Core.Gateway;

/// <summary>
/// Running totals of how the process's work waited to run, since the process started.
/// </summary>
/// <param name="ThreadPoolWait">Time work queued on the thread pool waited for a thread (measured by a probe).</param>
/// <param name="CpuWait">Time the process's runnable threads, summed, waited for a CPU (zero where the OS does not say).</param>
/// <param name="CpuRun">Time the process's threads, summed, ran on a CPU (zero where the OS does not say).</param>
public readonly record struct ProcessLoad(TimeSpan ThreadPoolWait, TimeSpan CpuWait, TimeSpan CpuRun)
{
    /// <summary>
    /// Whether the process was overloaded between two readings <paramref name="elapsed"/> apart: its
    /// thread-pool work waited for a thread at least <see cref="GatewayOptions.OverloadStarvationShare"/>
    /// of the time, or its work took at least <see cref="GatewayOptions.OverloadCpuSlowdown"/> times its
    /// CPU time because it waited for cores, with at least one thread waiting on average. The second
    /// needs both: a nearly idle process on a busy host waits for a core each time it wakes, but has
    /// almost no work to be delayed.
    /// </summary>
    public static bool Overloaded(ProcessLoad start, ProcessLoad end, TimeSpan elapsed, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (elapsed <= TimeSpan.Zero)
        {
            return false;
        }

        var poolShare = (end.ThreadPoolWait - start.ThreadPoolWait) / elapsed;
        var cpuWait = end.CpuWait - start.CpuWait;
        var cpuRun = end.CpuRun - start.CpuRun;
        var waitingThreads = cpuWait / elapsed;
        var slowdown = cpuRun > TimeSpan.Zero ? (cpuRun + cpuWait) / cpuRun : (cpuWait > TimeSpan.Zero ? double.PositiveInfinity : 1);
        return poolShare >= options.OverloadStarvationShare || (waitingThreads >= 1 && slowdown >= options.OverloadCpuSlowdown);
    }
}
