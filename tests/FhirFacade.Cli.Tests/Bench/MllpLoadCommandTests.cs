using System.CommandLine;
using System.Globalization;
using FhirFacade.Benchmarks.Mllp;
using FhirFacade.Simulators.Vision;

namespace FhirFacade.Cli.Tests.Bench;

/// <summary>
/// The Vision MLLP load (the Benchmarks project's <c>mllp</c> mode, once <c>fhirfacade bench mllp</c>) against the
/// real Vision simulator on a loopback port, bounded by count.
/// </summary>
[Trait("Category", "Integration")]
public sealed class MllpLoadCommandTests : IAsyncLifetime
{
    private VisionSimulator _simulator = null!;

    public async Task InitializeAsync() =>
        _simulator = await VisionSimulator.StartAsync(new VisionSimulatorOptions { MaxHang = TimeSpan.FromSeconds(2) }, CancellationToken.None);

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task RunAsync_AgainstTheVisionSimulator_CountsEveryAcceptedQueryUpToTheBound()
    {
        var (exit, output) = await RunAsync("--connections", "2", "--warm-up", "1", "--max-requests", "25", "--seconds", "30");

        exit.Should().Be(0);
        output.Should().MatchRegex(@"^mllp requests=25 rps=\d+\.\d{2} p50_ms=\d+\.\d{3} p99_ms=\d+\.\d{3} errors=0\r?\n$");
    }

    [Fact]
    public async Task RunAsync_WithAWrongAccessKey_CountsEveryRejectedQueryAsAnError()
    {
        var (exit, output) = await RunAsync("--access-key", "not-the-key", "--connections", "1", "--warm-up", "0", "--max-requests", "5", "--seconds", "30");

        exit.Should().Be(0);
        output.Should().StartWith("mllp requests=0 ").And.Contain(" errors=5");
    }

    [Fact]
    public async Task RunAsync_WithSeveralAreas_ExitsWithTwoBeforeConnecting()
    {
        var (exit, output) = await RunAsync("--areas", "PROBLEMS~MEDICATIONS", "--max-requests", "1");

        exit.Should().Be(2);
        output.Should().Contain("--areas takes one record area");
    }

    private async Task<(int Exit, string Output)> RunAsync(params string[] options)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] args = [MllpLoadCommand.Name, "--port", _simulator.EndPoint.Port.ToString(CultureInfo.InvariantCulture), .. options];

        var exit = await MllpLoadCommand.RunAsync(args, new InvocationConfiguration { Output = output, Error = error });

        return (exit, output.ToString() + error);
    }
}
