using System.Diagnostics;

namespace FhirFacade.Cli.Commands.Bench;

/// <summary>
/// Runs <c>workers</c> concurrent loops of one operation until <c>duration</c> has passed or
/// <c>maxOperations</c> have started, whichever comes first, and measures each operation's latency.
/// Each worker's state is released with <c>release</c> at the end. An operation that returns false or throws the failure type counts as an error.
/// Public: <c>fhirfacade bench audit</c> and the benchmarks project's <c>mllp</c> mode both measure with it.
/// </summary>
public static class BoundedRun
{
    public static async Task<LatencySummary> RunAsync<TWorker, TFailure>(
        int workers,
        TimeSpan duration,
        int maxOperations,
        Func<int, CancellationToken, Task<TWorker>> createWorker,
        Func<TWorker, int, CancellationToken, ValueTask<bool>> operation,
        Func<TWorker, ValueTask> release,
        CancellationToken cancellationToken)
        where TFailure : Exception
    {
        var states = new List<TWorker>(workers);
        for (var w = 0; w < workers; w++)
        {
            states.Add(await createWorker(w, cancellationToken));
        }

        var started = -1;
        var errors = 0;
        var samples = new List<long>[workers];
        var clock = Stopwatch.StartNew();
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(
            async () =>
            {
                var mine = samples[w] = new List<long>(1024);
                int n;
                while (Stopwatch.GetTimestamp() < deadline && (n = Interlocked.Increment(ref started)) < maxOperations)
                {
                    var before = Stopwatch.GetTimestamp();
                    bool succeeded;
                    try
                    {
                        succeeded = await operation(states[w], n, cancellationToken);
                    }
                    catch (TFailure)
                    {
                        succeeded = false;
                    }

                    if (succeeded)
                    {
                        mine.Add(Stopwatch.GetTimestamp() - before);
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
            },
            cancellationToken)));
        clock.Stop();

        foreach (var state in states)
        {
            await release(state);
        }

        return LatencySummary.From(samples.SelectMany(s => s ?? []), errors, clock.Elapsed);
    }
}
