using System.Diagnostics;
using FhirFacade.Cli.Commands.Bench;

namespace FhirFacade.Cli.Tests.Bench;

[Trait("Category", "Unit")]
public sealed class LatencySummaryTests
{
    public static TheoryData<double, double> Percentiles => new()
    {
        { 0.50, 50 },
        { 0.99, 99 },
        { 1.00, 100 },
        { 0.001, 1 },
    };

    [Theory]
    [MemberData(nameof(Percentiles))]
    public void Percentile_OneToHundredMilliseconds_ReturnsTheNearestRank(double fraction, double expectedMilliseconds)
    {
        var ticks = Enumerable.Range(1, 100).Select(Milliseconds).ToArray();

        var percentile = LatencySummary.Percentile(ticks, fraction);

        percentile.Should().BeApproximately(expectedMilliseconds, 1e-6);
    }

    [Fact]
    public void From_UnsortedSamplesOverTwoSeconds_CountsRateAndPercentiles()
    {
        var samples = new[] { 30, 10, 20, 40 }.Select(Milliseconds);

        var summary = LatencySummary.From(samples, errors: 3, TimeSpan.FromSeconds(2));

        summary.Should().Be(new LatencySummary(4, 3, 2.0, 20, 40));
    }

    [Fact]
    public void From_NoSamples_ReturnsZeros()
    {
        var summary = LatencySummary.From([], errors: 0, TimeSpan.Zero);

        summary.Should().Be(new LatencySummary(0, 0, 0, 0, 0));
    }

    private static long Milliseconds(int ms) => ms * Stopwatch.Frequency / 1000;
}
