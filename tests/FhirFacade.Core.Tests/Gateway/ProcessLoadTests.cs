using FhirFacade.Core.Gateway;

namespace FhirFacade.Core.Tests.Gateway;

/// <summary>When two readings of the process's load say it was overloaded in between (ADR 0010).</summary>
[Trait("Category", "Unit")]
public sealed class ProcessLoadTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);
    private static readonly ProcessLoad Start = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(300));

    /// <summary>Window of 2 s: thread-pool wait, CPU wait and CPU run of the process's threads in it (ms), and the verdict.</summary>
    public static TheoryData<int, int, int, bool, string> Windows() => new()
    {
        { 0, 0, 10, false, "idle" },
        { 400, 0, 100, false, "a 0.4 s pause of the pool: 20% of the window" },
        { 500, 0, 100, true, "the pool starved a quarter of the window" },
        { 2000, 0, 0, true, "the pool frozen throughout" },
        { 0, 150, 20, false, "a nearly idle process on a busy host: each wake-up waits, but under one thread waits on average" },
        { 0, 4000, 4000, false, "at its admission limit: two threads per core, a slowdown of 2" },
        { 0, 8000, 3000, false, "four threads waiting on average, but a slowdown under 4 (3.7)" },
        { 0, 12000, 4000, true, "a slowdown of 4 with six threads waiting on average" },
        { 0, 20000, 1000, true, "far more requests in flight than cores (the issue's 2x saturation)" },
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public void Overloaded_DecidesFromThePoolShareOrTheCpuSlowdown(int poolWaitMs, int cpuWaitMs, int cpuRunMs, bool expected, string because)
    {
        var end = new ProcessLoad(
            Start.ThreadPoolWait + TimeSpan.FromMilliseconds(poolWaitMs),
            Start.CpuWait + TimeSpan.FromMilliseconds(cpuWaitMs),
            Start.CpuRun + TimeSpan.FromMilliseconds(cpuRunMs));

        ProcessLoad.Overloaded(Start, end, Window, new GatewayOptions()).Should().Be(expected, because);
    }

    [Fact]
    public void Overloaded_WhenNoTimePassed_IsFalse()
    {
        ProcessLoad.Overloaded(Start, Start, TimeSpan.Zero, new GatewayOptions()).Should().BeFalse();
    }
}
