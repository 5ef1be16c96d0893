using FhirFacade.Core.Gateway;
using Microsoft.Extensions.Options;

namespace FhirFacade.Core.Tests.Gateway;

[Trait("Category", "Unit")]
public sealed class ThreadPoolStarvationMonitorTests
{
    [Fact]
    public void StarvedTime_WhenEveryProbeRunsAtOnce_StaysZero()
    {
        var (sut, clock, pool) = CreateSut();

        for (var i = 0; i < 5; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(50));
            sut.PostProbe();
            pool.RunAll();
        }

        sut.StarvedTime.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void StarvedTime_AddsHowLongEachProbeWaitedForAThread()
    {
        var (sut, clock, pool) = CreateSut();

        sut.PostProbe();
        clock.Advance(TimeSpan.FromMilliseconds(300));
        pool.RunAll();
        clock.Advance(TimeSpan.FromMilliseconds(50));
        sut.PostProbe();
        clock.Advance(TimeSpan.FromMilliseconds(100));
        pool.RunAll();
        clock.Advance(TimeSpan.FromSeconds(5));

        sut.StarvedTime.Should().Be(TimeSpan.FromMilliseconds(400), "only the time probes waited counts, not the time between them");
    }

    [Fact]
    public void StarvedTime_WhileAProbeIsStillWaiting_CountsUpToNow()
    {
        var (sut, clock, _) = CreateSut();
        sut.PostProbe();

        clock.Advance(TimeSpan.FromMilliseconds(200));
        var first = sut.StarvedTime;
        clock.Advance(TimeSpan.FromMilliseconds(100));
        var second = sut.StarvedTime;

        first.Should().Be(TimeSpan.FromMilliseconds(200));
        second.Should().Be(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void PostProbe_WhileAProbeIsStillWaiting_DoesNotQueueAnother()
    {
        var (sut, clock, pool) = CreateSut();
        sut.PostProbe();
        clock.Advance(TimeSpan.FromMilliseconds(100));

        sut.PostProbe();

        pool.Pending.Should().Be(1);
        sut.StarvedTime.Should().Be(TimeSpan.FromMilliseconds(100), "the waiting probe keeps its start");
    }

    [Fact]
    public void Dispose_StopsProbing()
    {
        var (sut, _, pool) = CreateSut();

        sut.Dispose();
        sut.PostProbe();

        pool.Pending.Should().Be(0);
    }

    [Fact]
    public async Task StarvedTime_WhenEveryPoolThreadIsBusy_GrowsByTheWait()
    {
        using var sut = new ThreadPoolStarvationMonitor(Options.Create(new GatewayOptions { StarvationProbeInterval = TimeSpan.FromMilliseconds(10) }), TimeProvider.System);
        await Task.Delay(50);
        var before = sut.StarvedTime;

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

        (sut.StarvedTime - before).Should().BeGreaterThan(TimeSpan.FromMilliseconds(150));
    }

    private static (ThreadPoolStarvationMonitor Sut, ManualClock Clock, ManualPool Pool) CreateSut()
    {
        var clock = new ManualClock();
        var pool = new ManualPool();
        return (new ThreadPoolStarvationMonitor(clock, pool.Post), clock, pool);
    }

    /// <summary>Timestamps moved by hand (1 tick = 1 µs).</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks = 1_000_000;

        public override long TimestampFrequency => 1_000_000;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += (long)by.TotalMicroseconds;
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
