using System.CommandLine;
using System.Globalization;
using System.Net;
using FhirFacade.Cli.Commands.Bench;
using FhirFacade.Suppliers.Vision;
using FhirFacade.Suppliers.Vision.Mllp;

namespace FhirFacade.Benchmarks.Mllp;

/// <summary>
/// <c>FhirFacade.Benchmarks mllp</c>: the native Vision request (HL7 v2.5 QBP^Q11 over MLLP, as in
/// docs/suppliers/vision.md, built and framed by the Vision adapter's own code) sent by C persistent loopback
/// connections, one query at a time each, for a bounded time and count; prints queries/s and p50/p99 round-trip
/// latency. wrk cannot speak MLLP, so this is the Vision counterpart of the wrk runs in scripts/bench/four-suppliers.sh.
/// Output: <c>mllp requests=N rps=R p50_ms=A p99_ms=B errors=E</c>. Public for its tests (tests/FhirFacade.Cli.Tests/Bench).
/// </summary>
public static class MllpLoadCommand
{
    /// <summary>The first argument that selects this mode instead of the BenchmarkDotNet switcher.</summary>
    public const string Name = "mllp";

    /// <summary>Parses <paramref name="args"/> (starting with <see cref="Name"/>) and runs the load; the exit code.</summary>
    public static Task<int> RunAsync(string[] args, InvocationConfiguration? configuration = null) =>
        new RootCommand("FhirFacade.Benchmarks: bounded loopback load tools") { Create() }.Parse(args).InvokeAsync(configuration);

    /// <summary>The <c>mllp</c> command with its options.</summary>
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "The MLLP port on 127.0.0.1.", Required = true };
        var accessKey = new Option<string>("--access-key") { Description = "MSH-8 access key.", DefaultValueFactory = _ => "vision-dev-key" };
        var facility = new Option<string>("--facility") { Description = "MSH-6 receiving facility (the practice ODS code).", DefaultValueFactory = _ => "C83002" };
        var nhsNumber = new Option<string>("--nhs") { Description = "The NHS number queried.", DefaultValueFactory = _ => "9990000050" };
        var areas = new Option<string>("--areas") { Description = "The QPD-4 record area, one as the adapter asks (empty: all).", DefaultValueFactory = _ => VisionCodeSystems.AreaMedications };
        var connections = new Option<int>("--connections") { Description = "Concurrent connections (1-256).", DefaultValueFactory = _ => 4 };
        var seconds = new Option<double>("--seconds") { Description = "Measured seconds (at most 60).", DefaultValueFactory = _ => 10 };
        var maxRequests = new Option<int>("--max-requests") { Description = "At most this many queries.", DefaultValueFactory = _ => 200_000 };
        var warmUp = new Option<int>("--warm-up") { Description = "Unmeasured queries per connection first.", DefaultValueFactory = _ => 20 };
        var command = new Command(Name, "p50/p99 of Vision QBP^Q11 queries over MLLP on loopback (bounded).")
        {
            port,
            accessKey,
            facility,
            nhsNumber,
            areas,
            connections,
            seconds,
            maxRequests,
            warmUp,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var area = parseResult.GetValue(areas)!;
            if (area.Contains('~', StringComparison.Ordinal))
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync("error: --areas takes one record area, as the adapter sends");
                return 2;
            }

            var mllpPort = parseResult.GetValue(port);
            var query = new VisionLoadQuery(parseResult.GetValue(accessKey)!, parseResult.GetValue(facility)!, parseResult.GetValue(nhsNumber)!, area);
            var warmUpCount = Math.Clamp(parseResult.GetValue(warmUp), 0, 1000);
            var summary = await BoundedRun.RunAsync<MllpConnection, IOException>(
                Math.Clamp(parseResult.GetValue(connections), 1, 256),
                TimeSpan.FromSeconds(Math.Clamp(parseResult.GetValue(seconds), 0.1, 60)),
                Math.Max(1, parseResult.GetValue(maxRequests)),
                async (_, ct) =>
                {
                    var connection = await MllpConnection.OpenAsync(IPAddress.Loopback.ToString(), mllpPort, new VisionOptions().MaxMessageBytes, TimeProvider.System.GetUtcNow(), ct);
                    for (var i = 0; i < warmUpCount; i++)
                    {
                        await connection.ExchangeAsync(query.Next(), ct);
                    }

                    return connection;
                },
                async (connection, _, ct) => await ExchangeAsync(connection, query, ct),
                connection =>
                {
                    connection.Dispose();
                    return ValueTask.CompletedTask;
                },
                cancellationToken);
            await parseResult.InvocationConfiguration.Output.WriteLineAsync(Line(summary));
            return 0;
        });
        return command;
    }

    /// <summary>The one output line of a run.</summary>
    public static string Line(LatencySummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"mllp requests={summary.Count} rps={summary.PerSecond:F2} p50_ms={summary.P50Milliseconds:F3} p99_ms={summary.P99Milliseconds:F3} errors={summary.Errors}");
    }

    // One measured query: an error when the answer is not accepted, the peer closed the connection or broke the envelope.
    private static async Task<bool> ExchangeAsync(MllpConnection connection, VisionLoadQuery query, CancellationToken cancellationToken)
    {
        try
        {
            return VisionLoadQuery.IsAccepted(await connection.ExchangeAsync(query.Next(), cancellationToken));
        }
        catch (MllpException)
        {
            return false;
        }
    }
}
