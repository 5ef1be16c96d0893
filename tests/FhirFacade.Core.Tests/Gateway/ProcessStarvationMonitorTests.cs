using FhirFacade.Core.Gateway;
using Microsoft.Extensions.Options;
using CpuTimes = FhirFacade.Core.Gateway.ProcessStarvationMonitor.CpuTimes;

namespace FhirFacade.Core.Tests.Gateway;

[Trait("Category", "Unit")]
public sealed class ProcessStarvationMonitorTests
{
    [Fact]
    public void ThreadPoolWait_WhenEveryProbeRunsAtOnce_StaysZero()
    {
        var (sut, clock, pool, cpu) = CreateSut();

        for (var i = 0; i < 5; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            cpu.Add(run: TimeSpan.FromMilliseconds(100), wait: TimeSpan.Zero);
            sut.Sample();
            pool.RunAll();
        }

        sut.Read().ThreadPoolWait.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void ThreadPoolWait_AddsHowLongEachProbeWaitedForAThread()
    {
        var (sut, clock, pool, _) = CreateSut();

        sut.Sample();
        clock.Advance(TimeSpan.FromMilliseconds(300));
        pool.RunAll();
        clock.Advance(TimeSpan.FromMilliseconds(100));
        sut.Sample();
        clock.Advance(TimeSpan.FromMilliseconds(100));
        pool.RunAll();
        clock.Advance(TimeSpan.FromSeconds(5));

        sut.Read().ThreadPoolWait.Should().Be(TimeSpan.FromMilliseconds(400), "only the time probes waited counts, not the time between them");
    }

    [Fact]
    public void ThreadPoolWait_WhileAProbeIsStillWaiting_CountsUpToNow()
    {
        var (sut, clock, _, _) = CreateSut();
        sut.Sample();

        clock.Advance(TimeSpan.FromMilliseconds(200));
        var first = sut.Read().ThreadPoolWait;
        clock.Advance(TimeSpan.FromMilliseconds(100));
        var second = sut.Read().ThreadPoolWait;

        first.Should().Be(TimeSpan.FromMilliseconds(200));
        second.Should().Be(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void Read_GivesTheCpuFiguresOfTheLastSample()
    {
        var (sut, clock, pool, cpu) = CreateSut();
        var before = sut.Read();

        clock.Advance(TimeSpan.FromMilliseconds(100));
        cpu.Add(run: TimeSpan.FromMilliseconds(50), wait: TimeSpan.FromMilliseconds(150));
        var unsampled = sut.Read();
        sut.Sample();
        pool.RunAll();
        var after = sut.Read();

        unsampled.Should().Be(before, "figures move when sampled, not when read");
        (after.CpuRun - before.CpuRun).Should().Be(TimeSpan.FromMilliseconds(50));
        (after.CpuWait - before.CpuWait).Should().Be(TimeSpan.FromMilliseconds(150));
        after.ThreadPoolWait.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Read_WhenNoCpuFiguresCanBeRead_GivesTheProbeAlone()
    {
        var clock = new ManualClock();
        var pool = new ManualPool();
        var sut = new ProcessStarvationMonitor(clock, pool.Post, () => null);
        sut.Sample();

        clock.Advance(TimeSpan.FromMilliseconds(120));
        pool.RunAll();

        sut.Read().Should().Be(new ProcessLoad(TimeSpan.FromMilliseconds(120), TimeSpan.Zero, TimeSpan.Zero));
    }

    [Fact]
    public void Sample_WhileAProbeIsStillWaiting_DoesNotQueueAnother()
    {
        var (sut, clock, pool, _) = CreateSut();
        sut.Sample();
        clock.Advance(TimeSpan.FromMilliseconds(100));

        sut.Sample();

        pool.Pending.Should().Be(1);
        sut.Read().ThreadPoolWait.Should().Be(TimeSpan.FromMilliseconds(100), "the waiting probe keeps its start");
    }

    [Fact]
    public void Dispose_StopsProbing()
    {
        var (sut, _, pool, _) = CreateSut();

        sut.Dispose();
        sut.Sample();

        pool.Pending.Should().Be(0);
    }

    [Fact]
    public void ThreadCpuTimes_OnLinux_ReadThisProcesssThreadsAndNeverGoDown()
    {
        var reader = new ProcessStarvationMonitor.ThreadCpuTimes();
        using var spun = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var worker = new Thread(() =>
        {
            var start = TimeProvider.System.GetTimestamp();
            while (TimeProvider.System.GetElapsedTime(start) < TimeSpan.FromMilliseconds(60))
            {
            }

            spun.Set();
            release.Wait();
        });

        var first = reader.Read();
        worker.Start();
        spun.Wait();
        var second = reader.Read();
        release.Set();
        worker.Join();
        var third = reader.Read();

        if (!OperatingSystem.IsLinux())
        {
            first.Should().BeNull();
            return;
        }

        // A spinning thread is runnable throughout: its 60 ms are time on a CPU or time waiting for one.
        var runnable = (second!.Value.RunNanoseconds + second.Value.WaitNanoseconds) - (first!.Value.RunNanoseconds + first.Value.WaitNanoseconds);
        runnable.Should().BeGreaterThan(50_000_000, "the new thread's 60 ms count");
        third!.Value.RunNanoseconds.Should().BeGreaterThanOrEqualTo(second.Value.RunNanoseconds, "an ended thread takes nothing back");
        third.Value.WaitNanoseconds.Should().BeGreaterThanOrEqualTo(second.Value.WaitNanoseconds);
    }

    [Fact]
    public async Task ThreadPoolWait_WhenEveryPoolThreadIsBusy_GrowsByTheWait()
    {
        using var sut = new ProcessStarvationMonitor(Options.Create(new GatewayOptions { StarvationProbeInterval = TimeSpan.FromMilliseconds(10) }), TimeProvider.System);
        await Task.Delay(50);
        var before = sut.Read().ThreadPoolWait;

        // More blocking work items than the pool has threads: a probe queued behind them waits for one to finish.
        var busy = ThreadPool.ThreadCount + (4 * Environment.ProcessorCount);
        using var done = new CountdownEvent(busy);
        for (var i = 0; i < busy; i++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(
                _ =>
                {
                    Thread.Sleep(400);
                    done.Signal();
                },
                null);
        }

        done.Wait(TimeSpan.FromSeconds(30)).Should().BeTrue();
        await Task.Delay(50);

        (sut.Read().ThreadPoolWait - before).Should().BeGreaterThan(TimeSpan.FromMilliseconds(150));
    }

    [Fact]
    public async Task Read_WhenFarMoreThreadsSpinThanThereAreCores_ShowsTheProcessOverloaded()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var sut = new ProcessStarvationMonitor(Options.Create(new GatewayOptions { StarvationProbeInterval = TimeSpan.FromMilliseconds(20) }), TimeProvider.System);
        await Task.Delay(60);
        var before = sut.Read();
        var started = TimeProvider.System.GetTimestamp();

        // Dedicated threads, not pool threads: the pool stays free, so only the CPU figures can see this.
        var spinners = Enumerable.Range(0, 8 * Environment.ProcessorCount).Select(_ => new Thread(() =>
        {
            var start = TimeProvider.System.GetTimestamp();
            while (TimeProvider.System.GetElapsedTime(start) < TimeSpan.FromMilliseconds(600))
            {
            }
        })).ToList();
        spinners.ForEach(t => t.Start());
        spinners.ForEach(t => t.Join());
        await Task.Delay(60);
        var after = sut.Read();

        ProcessLoad.Overloaded(before, after, TimeProvider.System.GetElapsedTime(started), new GatewayOptions()).Should().BeTrue(
            "eight threads per core each waited for a core most of the time (CPU wait {0}, run {1})", after.CpuWait - before.CpuWait, after.CpuRun - before.CpuRun);
    }

    private static (ProcessStarvationMonitor Sut, ManualClock Clock, ManualPool Pool, ManualCpu Cpu) CreateSut()
    {
        var clock = new ManualClock();
        var pool = new ManualPool();
        var cpu = new ManualCpu();
        return (new ProcessStarvationMonitor(clock, pool.Post, cpu.Read), clock, pool, cpu);
    }

    /// <summary>Timestamps moved by hand (1 tick = 1 µs).</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks = 1_000_000;

        public override long TimestampFrequency => 1_000_000;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += (long)by.TotalMicroseconds;
    }

    /// <summary>The process's CPU figures, moved by hand.</summary>
    private sealed class ManualCpu
    {
        private CpuTimes _now = new(1_000_000_000, 0);

        public CpuTimes? Read() => _now;

        public void Add(TimeSpan run, TimeSpan wait) =>
            _now = new CpuTimes(_now.RunNanoseconds + (long)(run.TotalMicroseconds * 1000), _now.WaitNanoseconds + (long)(wait.TotalMicroseconds * 1000));
    }

    /// <summary>Stands in for the thread pool's queue: work runs when the test says.</summary>
    private sealed class ManualPool
    {
        private readonly Queue<Action> _queue = new();

        public int Pending => _queue.Count;

        public void Post(Action work) => _queue.Enqueue(work);

        public void RunAll()
        {
            while (_queue.TryDequeue(out var work))
            {
                work();
            }
        }
    }
}
