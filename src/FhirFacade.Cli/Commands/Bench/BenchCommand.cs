using System.CommandLine;

namespace FhirFacade.Cli.Commands.Bench;

/// <summary>
/// Hidden <c>fhirfacade bench</c>: bounded load tools behind scripts/bench/*.sh (docs/benchmarks.md).
/// Every run is bounded in count and in time and talks to loopback only.
/// </summary>
internal static class BenchCommand
{
    public static Command Create() => new("bench", "Bounded loopback load tools used by scripts/bench (docs/benchmarks.md).")
    {
        Hidden = true,
        Subcommands =
        {
            AuditThroughputCommand.Create(),
        },
    };
}
