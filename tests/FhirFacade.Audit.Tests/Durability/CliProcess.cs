using System.Diagnostics;
using System.Reflection;

namespace FhirFacade.Audit.Tests.Durability;

/// <summary>Runs the built <c>fhirfacade</c> CLI in a child process.</summary>
internal static class CliProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static string CliPath =>
        typeof(CliProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "FhirFacadeCliPath").Value!;

    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(CliPath);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    /// <summary>Runs the CLI to completion and returns its exit code and standard output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var process = Process.Start(StartInfo(arguments)) ?? throw new InvalidOperationException("Could not start fhirfacade.");
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
