using System.Diagnostics;
using System.Text;

namespace FhirFacade.TestKit.Postgres;

/// <summary>Runs PostgreSQL tools, as the <c>postgres</c> OS user when the tests run as root (initdb refuses root).</summary>
internal static class PostgresProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static bool RunningAsRoot => string.Equals(Environment.UserName, "root", StringComparison.Ordinal);

    public static Task<string> RunAsPostgresAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunningAsRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", fileName, .. arguments], cancellationToken)
            : RunAsync(fileName, arguments, cancellationToken);

    public static async Task<string> RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            output.Append(await stdout).Append(await stderr);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within {Timeout.TotalSeconds} s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}: {output}");
        }

        return output.ToString();
    }
}
