using System.Diagnostics;
using System.Globalization;

namespace FhirFacade.Audit.Tests.Durability;

/// <summary>Runs <c>fhirfacade audit stress</c> in a child process and SIGKILLs it after some acknowledgements.</summary>
internal static class StressProcess
{
    private static readonly TimeSpan RoundTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Starts the writer, kills it (SIGKILL) once <paramref name="killAfter"/> records are acknowledged, and returns every acknowledgement it printed.</summary>
    public static async Task<StressRun> RunAndKillAsync(string storeOption, string storeValue, int killAfter)
    {
        var startInfo = CliProcess.StartInfo(["audit", "stress", storeOption, storeValue, "--count", "1000000", "--writers", "8"]);
        using var timeout = new CancellationTokenSource(RoundTimeout);
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start the stress writer.");
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        var acknowledged = new Dictionary<long, string>();
        var killed = false;
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                var parts = line.Split(' ');
                if (parts is ["ack", var sequence, var correlationId])
                {
                    acknowledged[long.Parse(sequence, CultureInfo.InvariantCulture)] = correlationId;
                }

                if (!killed && acknowledged.Count >= killAfter)
                {
                    process.Kill();
                    killed = true;
                }
            }

            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }

        return new StressRun(acknowledged, killed, process.ExitCode, await stderr);
    }
}
