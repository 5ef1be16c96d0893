using System.CommandLine;
using System.Globalization;
using FhirFacade.Audit;
using FhirFacade.Core.Audit;

namespace FhirFacade.Cli.Commands.Audit;

/// <summary>
/// Hidden <c>fhirfacade audit stress</c>: appends synthetic records from several concurrent
/// writers and prints <c>ack SEQ CORRELATION-ID</c> for each one the store acknowledged. The
/// durability test kills this process mid-run and checks every acknowledged record survived.
/// </summary>
internal static class AuditStressCommand
{
    private const string SyntheticNhsNumber = "9990000018";

    public static Command Create()
    {
        var store = new AuditStoreArguments();
        var count = new Option<int>("--count") { Description = "How many records to append.", DefaultValueFactory = _ => 1000 };
        var writers = new Option<int>("--writers") { Description = "How many concurrent writers.", DefaultValueFactory = _ => 8 };
        var command = new Command("stress", "Append synthetic records and print each acknowledged sequence number (durability testing).")
        {
            Hidden = true,
        };
        store.AddTo(command);
        command.Options.Add(count);
        command.Options.Add(writers);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var total = Math.Max(0, parseResult.GetValue(count));
            var writerCount = Math.Clamp(parseResult.GetValue(writers), 1, 64);
            var run = Guid.NewGuid().ToString("N")[..8];
            var outputGate = new Lock();
            var next = -1;
            await using var auditStore = AuditStores.Create(store.ToOptions(parseResult), TimeProvider.System);
            await Task.WhenAll(Enumerable.Range(0, writerCount).Select(_ => Task.Run(
                async () =>
                {
                    int n;
                    while ((n = Interlocked.Increment(ref next)) < total)
                    {
                        var entry = await auditStore.AppendAsync(CreateRecord(run, n), cancellationToken);
                        lock (outputGate)
                        {
                            output.WriteLine($"ack {entry.Sequence.ToString(CultureInfo.InvariantCulture)} {entry.Record.CorrelationId}");
                            output.Flush();
                        }
                    }
                },
                cancellationToken)));
            return 0;
        });
        return command;
    }

    private static AuditRecord CreateRecord(string run, int n) => new()
    {
        Recorded = TimeProvider.System.GetUtcNow(),
        CorrelationId = string.Create(CultureInfo.InvariantCulture, $"stress-{run}-{n}"),
        Agent = new AuditAgent("stress", "stress-user", null, null),
        Interaction = AuditInteractions.Read,
        Method = "GET",
        PathTemplate = "/Patient/{id}",
        ResourceTypes = ["Patient"],
        PatientNhsNumber = SyntheticNhsNumber,
        ResourceCount = 1,
        Outcome = new AuditOutcome(200),
    };
}
