using FhirFacade.Audit.GroupCommit;
using FhirFacade.Audit.Tests.Support;
using FhirFacade.Core.Audit;
using Microsoft.Extensions.Logging.Abstractions;

namespace FhirFacade.Audit.Tests.GroupCommit;

[Trait("Category", "Unit")]
public sealed class GroupCommitWriterTests
{
    [Fact]
    public async Task AppendAsync_WhenTheBatchCommitFails_FailsEveryCallerOfThatBatchAndRecoversAfterReset()
    {
        var committer = new FakeBatchCommitter { FailNextCommit = new IOException("disk gone") };
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var sut = CreateSut(committer, gate.Task);
        var failing = Enumerable.Range(1, 5).Select(n => sut.AppendAsync(AuditTestRecords.Create(n), CancellationToken.None).AsTask()).ToList();

        gate.SetResult();
        var outcomes = await Task.WhenAll(failing.Select(async t => await Record.ExceptionAsync(() => t)));
        var next = await sut.AppendAsync(AuditTestRecords.Create(6), CancellationToken.None);

        outcomes.Should().AllBeOfType<AuditUnavailableException>()
            .And.OnlyContain(e => e!.InnerException is IOException);
        committer.Resets.Should().Be(1);
        next.Sequence.Should().Be(1);
        sut.BatchCount.Should().Be(1);
    }

    [Fact]
    public async Task AppendAsync_WhenTheWriterStops_FailsQueuedAndLaterCallersInsteadOfHanging()
    {
        var committer = new FakeBatchCommitter();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var sut = CreateSut(committer, gate.Task);
        var queued = sut.AppendAsync(AuditTestRecords.Create(1), CancellationToken.None).AsTask();

        gate.SetException(new InvalidOperationException("writer crashed"));
        var queuedFailure = await Record.ExceptionAsync(() => queued);
        var later = async () => await sut.AppendAsync(AuditTestRecords.Create(2), CancellationToken.None);

        queuedFailure.Should().BeOfType<AuditUnavailableException>();
        await later.Should().ThrowAsync<AuditUnavailableException>();
    }

    [Fact]
    public async Task AppendAsync_WhileTheCommittersHousekeepingRuns_ReturnsAndTheNextBatchWaitsForIt()
    {
        var housekeeping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var committer = new FakeBatchCommitter { HousekeepingGate = housekeeping.Task };
        await using var sut = CreateSut(committer, startGate: null);

        AuditEntry first;
        bool secondBeforeHousekeepingEnded;
        Task<AuditEntry> second;
        try
        {
            first = await sut.AppendAsync(AuditTestRecords.Create(1), CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            second = sut.AppendAsync(AuditTestRecords.Create(2), CancellationToken.None).AsTask();
            secondBeforeHousekeepingEnded = await Task.WhenAny(second, Task.Delay(200)) == second;
        }
        finally
        {
            // Let the writer go on even when an assertion above fails, or disposing it would wait for ever.
            housekeeping.TrySetResult();
        }

        var secondEntry = await second.WaitAsync(TimeSpan.FromSeconds(10));

        first.Sequence.Should().Be(1);
        secondBeforeHousekeepingEnded.Should().BeFalse("the writer runs housekeeping before it takes the next batch");
        secondEntry.Sequence.Should().Be(2);
        committer.HousekeepingRuns.Should().Be(2);
    }

    [Fact]
    public async Task DisposeAsync_WithQueuedAppends_CommitsThemBeforeClosing()
    {
        var committer = new FakeBatchCommitter();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sut = CreateSut(committer, gate.Task);
        var queued = Enumerable.Range(1, 3).Select(n => sut.AppendAsync(AuditTestRecords.Create(n), CancellationToken.None).AsTask()).ToList();

        gate.SetResult();
        await sut.DisposeAsync();

        (await Task.WhenAll(queued)).Select(e => e.Sequence).Should().Equal(1, 2, 3);
        committer.Disposed.Should().BeTrue();
    }

    [Fact]
    public async Task AppendAsync_WithBatchDelay_WaitsForMoreRecordsUntilTheBatchIsFull()
    {
        var committer = new FakeBatchCommitter();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var settings = new GroupCommitSettings(MaxBatchSize: 5, MaxBatchDelay: TimeSpan.FromHours(1), QueueCapacity: 100);
        await using var sut = new GroupCommitWriter(committer, settings, TimeProvider.System, NullLogger.Instance, gate.Task);
        var first = Enumerable.Range(1, 3).Select(n => sut.AppendAsync(AuditTestRecords.Create(n), CancellationToken.None).AsTask()).ToList();

        gate.SetResult();
        var completedWhileBatchNotFull = first.Count(t => t.IsCompleted);
        var rest = Enumerable.Range(4, 2).Select(n => sut.AppendAsync(AuditTestRecords.Create(n), CancellationToken.None).AsTask()).ToList();
        await Task.WhenAll(first.Concat(rest));

        completedWhileBatchNotFull.Should().Be(0);
        committer.BatchSizes.Should().Equal(5);
    }

    [Fact]
    public async Task AppendAsync_BehindAFloodOfDeferrableRecords_GoesInTheNextBatchWithAtMostItsShareOfThem()
    {
        // A commit is running (held by the gate) while 200 shed requests' records and then one waiting caller's record queue up.
        var committer = new FakeBatchCommitter();
        var commits = new CommitGate();
        committer.BeforeCommit = commits.NextAsync;
        await using var sut = CreateSut(committer, startGate: null);
        var running = sut.AppendAsync(AuditTestRecords.Create(1), CancellationToken.None).AsTask();
        await commits.Started(1);
        var deferrable = Enumerable.Range(100, 200).Select(n => sut.AppendDeferrableAsync(AuditTestRecords.Create(n), CancellationToken.None).AsTask()).ToList();
        var waiting = sut.AppendAsync(AuditTestRecords.Create(2), CancellationToken.None).AsTask();

        commits.OpenAll();
        await Task.WhenAll(deferrable.Append(running).Append(waiting)).WaitAsync(TimeSpan.FromSeconds(10));

        committer.Batches[0].Should().Equal(Id(1));
        committer.Batches[1][0].Should().Be(Id(2), "the waiting caller's record goes ahead of the shed records queued before it");
        committer.Batches[1].Should().HaveCount(1 + GroupCommitWriter.DeferrablePerHeldBatch);
        committer.Batches.Skip(2).Should().OnlyContain(b => b.Count <= GroupCommitWriter.DeferrableBatchSize);
        committer.Batches.SelectMany(b => b).Where(id => id != Id(1) && id != Id(2)).Should().Equal(Enumerable.Range(100, 200).Select(Id), "each queue keeps its order, and every deferrable record is committed");
        (await Task.WhenAll(deferrable.Append(running).Append(waiting))).Select(e => e.Sequence).Should().OnlyHaveUniqueItems().And.HaveCount(202);
    }

    [Fact]
    public async Task AppendDeferrableAsync_WhileWaitingCallersKeepComing_IsStillCommittedAShareInEveryBatch()
    {
        // Every batch finds a waiting caller's record queued (each commit queues the next, ten in all): the deferrable
        // records must still go, their share in each batch, not wait for the waiting callers to stop coming.
        var committer = new FakeBatchCommitter();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var sut = CreateSut(committer, gate.Task);
        var held = new List<Task<AuditEntry>> { sut.AppendAsync(AuditTestRecords.Create(1_000), CancellationToken.None).AsTask() };
        committer.BeforeCommit = () =>
        {
            if (held.Count < 10)
            {
                held.Add(sut.AppendAsync(AuditTestRecords.Create(1_000 + held.Count), CancellationToken.None).AsTask());
            }

            return Task.CompletedTask;
        };
        var deferrable = Enumerable.Range(1, 64).Select(n => sut.AppendDeferrableAsync(AuditTestRecords.Create(n), CancellationToken.None).AsTask()).ToList();

        gate.SetResult();
        await Task.WhenAll(deferrable).WaitAsync(TimeSpan.FromSeconds(10));
        await Task.WhenAll(held).WaitAsync(TimeSpan.FromSeconds(10));

        var lastDeferrable = committer.Batches.FindIndex(b => b.Contains(Id(64)));
        lastDeferrable.Should().Be(64 / GroupCommitWriter.DeferrablePerHeldBatch - 1, "each batch carried its share while waiting callers kept coming");
        committer.Batches.Take(lastDeferrable + 1).Should().OnlyContain(b => b.Count == 1 + GroupCommitWriter.DeferrablePerHeldBatch && b[0].StartsWith("corr-001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DisposeAsync_WithDeferrableRecordsQueued_CommitsThemBeforeClosing()
    {
        var committer = new FakeBatchCommitter();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sut = CreateSut(committer, gate.Task);
        var queued = Enumerable.Range(1, 100).Select(n => sut.AppendDeferrableAsync(AuditTestRecords.Create(n), CancellationToken.None).AsTask()).ToList();

        gate.SetResult();
        await sut.DisposeAsync();

        (await Task.WhenAll(queued)).Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, 100).Select(n => (long)n));
        committer.BatchSizes.Should().Equal(GroupCommitWriter.DeferrableBatchSize, 100 - GroupCommitWriter.DeferrableBatchSize);
    }

    private static string Id(int n) => AuditTestRecords.Create(n).CorrelationId;

    private static GroupCommitWriter CreateSut(FakeBatchCommitter committer, Task? startGate) =>
        new(committer, new GroupCommitSettings(MaxBatchSize: 100, MaxBatchDelay: TimeSpan.Zero, QueueCapacity: 1_000), TimeProvider.System, NullLogger.Instance, startGate);

    /// <summary>Holds each commit until it is let through; <see cref="Started"/> waits until a given number have begun.</summary>
    private sealed class CommitGate
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _started;

        public async Task NextAsync()
        {
            Interlocked.Increment(ref _started);
            await _open.Task;
        }

        public async Task Started(int count)
        {
            while (Volatile.Read(ref _started) < count)
            {
                await Task.Delay(5);
            }
        }

        public void OpenAll() => _open.TrySetResult();
    }
}
