using System.Diagnostics;
using System.Text;
using FhirFacade.Fhir.Packages;
using FluentAssertions.Execution;

namespace FhirFacade.Server.IntegrationTests.Operations;

/// <summary>
/// docs/operations.md section 8 in CI: runs <c>scripts/ops/two-instances.sh</c> (a throw-away PostgreSQL
/// cluster on loopback, two built server processes sharing its audit store and the keys, readiness, a search
/// through each, an id issued by one read on the other, both audit rows in the one chain, SIGTERM with exit
/// 0, <c>fhirfacade audit verify --postgres</c>) against this build, and holds it to its success lines.
/// Bounded: the script stops by itself; past five minutes it is sent SIGTERM (its trap stops PostgreSQL and
/// the instances) and then killed with its children.
/// Needs the built demo host and CLI of this configuration (./test.sh builds the solution), Debian's
/// postgresql, curl and python3 (.ci/run installs them).
/// </summary>
[Trait("Category", "Integration")]
public sealed class TwoInstancesScriptTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task TwoInstancesScript_OnLoopback_SharesOneAuditChainAndStopsCleanly()
    {
        var root = FhirPackageLocator.FindCheckoutRoot() ?? throw new InvalidOperationException("checkout not found");

        // tests/FhirFacade.Server.IntegrationTests/bin/<Configuration>/net10.0/: the script uses the same configuration's builds.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var start = new ProcessStartInfo("bash", [Path.Combine(root, "scripts", "ops", "two-instances.sh")])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["CONFIGURATION"] = configuration;
        var output = new StringBuilder();
        using var script = new Process { StartInfo = start };
        script.OutputDataReceived += (_, e) => Append(output, e.Data);
        script.ErrorDataReceived += (_, e) => Append(output, e.Data);
        script.Start();
        script.BeginOutputReadLine();
        script.BeginErrorReadLine();

        using var bound = new CancellationTokenSource(Bound);
        try
        {
            await script.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            await StopAsync(script);
        }

        script.WaitForExit(); // drains the redirected output
        var text = Snapshot(output);
        if (script.ExitCode != 0)
        {
            Assert.Fail($"two-instances.sh exited {script.ExitCode} (bound {Bound}); its output:\n{text}");
        }

        using var scope = new AssertionScope();
        text.Should().MatchRegex(@"/health/ready: 200").And.MatchRegex(@"A: GET /fhir/Condition\?patient\.identifier=\.\.\. -> 200")
            .And.MatchRegex(@"B: GET /fhir/Condition\?patient\.identifier=\.\.\. -> 200")
            .And.Contain("B reads a Condition id that A issued: 200")
            .And.MatchRegex(@"audit rows for two-instances-a-\d+ and two-instances-b-\d+: 2")
            .And.Contain("instance A exited 0; instance B exited 0")
            .And.MatchRegex(@"OTLP: traces \d+ bytes, metrics \d+ bytes, with supplier-call spans and no NHS number")
            .And.EndWith("two instances, one audit chain: OK");
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString().TrimEnd();
        }
    }

    // SIGTERM first, so that the script's EXIT trap stops the cluster and the instances; then kill what is left.
    private static async Task StopAsync(Process script)
    {
        using (var term = Process.Start("kill", ["-TERM", script.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) ?? throw new InvalidOperationException("kill did not start"))
        {
            await term.WaitForExitAsync();
        }

        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await script.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            script.Kill(entireProcessTree: true);
        }
    }
}
