using System.CommandLine;
using System.Globalization;
using FhirFacade.Audit;
using FhirFacade.Core.Audit;

namespace FhirFacade.Cli.Commands.Bench;

/// <summary>
/// Hidden <c>fhirfacade bench audit</c>: N concurrent producers append realistic records through the
/// real durable path (<see cref="AuditStores.Create"/>: the same group-commit writer the server
/// uses) for a bounded time, per store and per producer count, and print appends/s and p50/p99
/// append latency. The no-op store (<see cref="AuditStoreKind.None"/>) runs first in the same run
/// as the baseline of the harness itself.
/// </summary>
internal static class AuditThroughputCommand
{
    public const string Header = "store      producers    appends   appends/s     p50 ms     p99 ms   errors  ratio-to-none";

    public static Command Create()
    {
        var sqlite = new Option<string?>("--sqlite") { Description = "SQLite file to append to (created if missing)." };
        var postgres = new Option<string?>("--postgres") { Description = "Npgsql connection string of a PostgreSQL database to append to." };
        var producers = new Option<string>("--producers") { Description = "Comma-separated in-flight producer counts.", DefaultValueFactory = _ => "1,16,64,256" };
        var seconds = new Option<double>("--seconds") { Description = "Measured seconds per store and producer count (at most 60).", DefaultValueFactory = _ => 5 };
        var maxAppends = new Option<int>("--max-appends") { Description = "At most this many appends per store and producer count.", DefaultValueFactory = _ => 2_000_000 };
        var command = new Command("audit", "Appends/s and p50/p99 append latency of the audit stores vs a no-op store, same run.")
        {
            sqlite,
            postgres,
            producers,
            seconds,
            maxAppends,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var counts = ParseCounts(parseResult.GetValue(producers));
            if (counts.Count == 0)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync("error: --producers must list counts between 1 and 1024");
                return 2;
            }

            var duration = TimeSpan.FromSeconds(Math.Clamp(parseResult.GetValue(seconds), 0.1, 60));
            var limit = Math.Max(1, parseResult.GetValue(maxAppends));
            var stores = new List<(string Name, AuditOptions Options)>
            {
                ("none", new AuditOptions { Store = AuditStoreKind.None, AllowNoneForBenchmarks = true }),
            };
            if (parseResult.GetValue(sqlite) is { Length: > 0 } path)
            {
                stores.Add(("sqlite", new AuditOptions { Store = AuditStoreKind.Sqlite, SqlitePath = path }));
            }

            if (parseResult.GetValue(postgres) is { Length: > 0 } connectionString)
            {
                stores.Add(("postgres", new AuditOptions { Store = AuditStoreKind.Postgres, PostgresConnectionString = connectionString }));
            }

            var run = Guid.NewGuid().ToString("N")[..8];
            var baseline = new Dictionary<int, double>();
            await output.WriteLineAsync(Header);
            foreach (var (name, options) in stores)
            {
                await using var store = AuditStores.Create(options, TimeProvider.System);
                await store.InitializeAsync(cancellationToken);
                await WarmUpAsync(store, run, cancellationToken);
                foreach (var count in counts)
                {
                    var summary = await BoundedRun.RunAsync<IAuditStore, AuditUnavailableException>(
                        count,
                        duration,
                        limit,
                        (_, _) => Task.FromResult(store),
                        async (s, n, ct) =>
                        {
                            await s.AppendAsync(AuditBenchRecords.Create(run, string.Create(CultureInfo.InvariantCulture, $"{name}-p{count}"), n), ct);
                            return true;
                        },
                        _ => ValueTask.CompletedTask,
                        cancellationToken);
                    if (name == "none")
                    {
                        baseline[count] = summary.PerSecond;
                    }

                    await output.WriteLineAsync(Row(name, count, summary, baseline.GetValueOrDefault(count)));
                }
            }

            return 0;
        });
        return command;
    }

    /// <summary>One table row; the ratio is appends/s over the no-op store's at the same producer count.</summary>
    public static string Row(string store, int producers, LatencySummary summary, double baselinePerSecond)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var ratio = baselinePerSecond > 0 ? summary.PerSecond / baselinePerSecond : 0;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{store,-10} {producers,9} {summary.Count,10} {summary.PerSecond,11:F0} {summary.P50Milliseconds,10:F3} {summary.P99Milliseconds,10:F3} {summary.Errors,8} {ratio,14:F4}");
    }

    /// <summary>The producer counts of <c>--producers</c> ("1,16,64"), each between 1 and 1024; empty when any is invalid.</summary>
    public static IReadOnlyList<int> ParseCounts(string? text)
    {
        var counts = new List<int>();
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > 1024)
            {
                return [];
            }

            counts.Add(count);
        }

        return counts;
    }

    // JIT, connection and schema warm-up: a fixed number of appends, not measured.
    private static async Task WarmUpAsync(IAuditStore store, string run, CancellationToken cancellationToken)
    {
        const int WarmUpAppends = 256;
        await Task.WhenAll(Enumerable.Range(0, WarmUpAppends).Select(n =>
            store.AppendAsync(AuditBenchRecords.Create(run, "warm-up", n), cancellationToken).AsTask()));
    }
}
