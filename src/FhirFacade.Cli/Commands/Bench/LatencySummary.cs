using System.Diagnostics;

namespace FhirFacade.Cli.Commands.Bench;

/// <summary>
/// Throughput and latency percentiles (nearest rank) of one bounded run (<see cref="BoundedRun"/>): public as the
/// result of the bounded-run API that <c>fhirfacade bench audit</c> and the benchmarks project's <c>mllp</c> mode share.
/// </summary>
/// <param name="Count">The operations that succeeded (and were measured).</param>
/// <param name="Errors">The operations that failed.</param>
/// <param name="PerSecond">Successful operations per second of the whole run.</param>
/// <param name="P50Milliseconds">The median latency of the successful operations.</param>
/// <param name="P99Milliseconds">The 99th percentile latency of the successful operations.</param>
public sealed record LatencySummary(int Count, int Errors, double PerSecond, double P50Milliseconds, double P99Milliseconds)
{
    /// <summary>Summarises latencies measured in <see cref="Stopwatch"/> ticks over a run that lasted <paramref name="elapsed"/>.</summary>
    public static LatencySummary From(IEnumerable<long> latencyTicks, int errors, TimeSpan elapsed)
    {
        var sorted = latencyTicks.ToArray();
        Array.Sort(sorted);
        var perSecond = elapsed > TimeSpan.Zero ? sorted.Length / elapsed.TotalSeconds : 0;
        return new LatencySummary(sorted.Length, errors, perSecond, Percentile(sorted, 0.50), Percentile(sorted, 0.99));
    }

    /// <summary>The nearest-rank percentile in milliseconds; zero for no samples.</summary>
    public static double Percentile(long[] sortedTicks, double fraction)
    {
        ArgumentNullException.ThrowIfNull(sortedTicks);
        if (sortedTicks.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(fraction * sortedTicks.Length);
        var index = Math.Clamp(rank - 1, 0, sortedTicks.Length - 1);
        return sortedTicks[index] * 1000.0 / Stopwatch.Frequency;
    }
}
