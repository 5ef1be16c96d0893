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

    private static GroupCommitWriter CreateSut(FakeBatchCommitter committer, Task? startGate) =>
        new(committer, new GroupCommitSettings(MaxBatchSize: 100, MaxBatchDelay: TimeSpan.Zero, QueueCapacity: 100), TimeProvider.System, NullLogger.Instance, startGate);
}
