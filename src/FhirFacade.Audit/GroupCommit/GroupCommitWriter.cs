using System.Threading.Channels;
using FhirFacade.Core.Audit;
using Microsoft.Extensions.Logging;

namespace FhirFacade.Audit.GroupCommit;

/// <summary>
/// Group commit: callers enqueue records; one background writer takes what is queued (up to
/// the batch size), commits it in one transaction and completes each caller once its batch is
/// committed. A failed commit fails every caller of that batch with
/// <see cref="AuditUnavailableException"/>; the queues are bounded and a full or closed queue fails
/// at once, so no caller ever waits on a store that cannot write.
/// <para>
/// Two queues: <see cref="AppendAsync"/> for records whose callers hold their answers until the commit, and
/// <see cref="AppendDeferrableAsync"/> for records whose answers have gone (shed 503s). A batch takes the waiting
/// callers' records first; while any are queued, it adds at most <see cref="DeferrablePerHeldBatch"/> deferrable ones,
/// and a batch of deferrable records alone holds at most <see cref="DeferrableBatchSize"/>. So under a flood of shed
/// requests an admitted request's record waits for at most one short batch, not behind the flood's records, and the
/// flood's records still go in every batch (they cannot be starved). Within each queue the order is kept.
/// </para>
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private readonly IAuditBatchCommitter _committer;
    private readonly GroupCommitSettings _settings;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    /// <summary>The most deferrable records a batch with waiting callers' records carries.</summary>
    internal const int DeferrablePerHeldBatch = 16;

    /// <summary>The most records in a batch of deferrable records alone.</summary>
    internal const int DeferrableBatchSize = 64;

    private readonly Channel<PendingAppend> _queue;
    private readonly Channel<PendingAppend> _deferrable;
    private readonly Task _loop;
    private Task<bool>? _heldWait;
    private Task<bool>? _deferrableWait;
    private long _batchCount;
    private long _recordCount;
    private int _disposed;

    public GroupCommitWriter(
        IAuditBatchCommitter committer,
        GroupCommitSettings settings,
        TimeProvider timeProvider,
        ILogger logger,
        Task? startGate)
    {
        _committer = committer;
        _settings = settings;
        _timeProvider = timeProvider;
        _logger = logger;
        _queue = CreateQueue(settings.QueueCapacity);
        _deferrable = CreateQueue(settings.QueueCapacity);
        _loop = Task.Run(() => RunAsync(startGate));
    }

    /// <summary>How many batches (transactions) have committed.</summary>
    public long BatchCount => Interlocked.Read(ref _batchCount);

    /// <summary>How many records have committed.</summary>
    public long RecordCount => Interlocked.Read(ref _recordCount);

    /// <summary>Appends a record whose caller holds its answer until the record is committed.</summary>
    public ValueTask<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken) => EnqueueAsync(_queue, new PendingAppend(record, deferrable: false), cancellationToken);

    /// <summary>Appends a record whose answer has gone: it may be committed after waiting callers' records appended later.</summary>
    public ValueTask<AuditEntry> AppendDeferrableAsync(AuditRecord record, CancellationToken cancellationToken) => EnqueueAsync(_deferrable, new PendingAppend(record, deferrable: true), cancellationToken);

    private async ValueTask<AuditEntry> EnqueueAsync(Channel<PendingAppend> queue, PendingAppend pending, CancellationToken cancellationToken)
    {
        if (!queue.Writer.TryWrite(pending))
        {
            throw Volatile.Read(ref _disposed) != 0
                ? new AuditUnavailableException("The audit store is closed.")
                : new AuditUnavailableException("The audit queue is full.");
        }

        return await pending.Completion.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        _deferrable.Writer.TryComplete();
        await _loop;
        await _committer.DisposeAsync();
    }

    private async Task RunAsync(Task? startGate)
    {
        var batch = new List<PendingAppend>(_settings.MaxBatchSize);
        try
        {
            if (startGate is not null)
            {
                await startGate;
            }

            while (await WaitForRecordsAsync())
            {
                Fill(batch);
                if (_settings.MaxBatchDelay > TimeSpan.Zero && batch.Count < _settings.MaxBatchSize)
                {
                    await GatherMoreAsync(batch);
                }

                await CommitAsync(batch);
                batch.Clear();
            }
        }
        catch (Exception exception)
        {
            // The writer must never die silently with callers waiting: close the queue and fail them all.
            AuditLog.BatchCommitFailed(_logger, batch.Count, exception);
            _queue.Writer.TryComplete();
            _deferrable.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var pending) || _deferrable.Reader.TryRead(out pending))
            {
                batch.Add(pending);
            }

            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(new AuditUnavailableException("The audit writer stopped.", exception));
            }
        }
    }

    private static Channel<PendingAppend> CreateQueue(int capacity) =>
        Channel.CreateBounded<PendingAppend>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

    // True once either queue has a record; false when both are closed and empty, or when the deadline (if any) has
    // passed first. At most one wait is registered on each queue at a time: a wait left over from the last call is reused.
    private async Task<bool> WaitForRecordsAsync(Task? deadline = null)
    {
        var waits = new List<Task>(3);
        while (true)
        {
            if (_queue.Reader.TryPeek(out _) || _deferrable.Reader.TryPeek(out _))
            {
                return true;
            }

            waits.Clear();
            if (!_queue.Reader.Completion.IsCompleted)
            {
                _heldWait = _heldWait is { IsCompleted: false } ? _heldWait : _queue.Reader.WaitToReadAsync().AsTask();
                waits.Add(_heldWait);
            }

            if (!_deferrable.Reader.Completion.IsCompleted)
            {
                _deferrableWait = _deferrableWait is { IsCompleted: false } ? _deferrableWait : _deferrable.Reader.WaitToReadAsync().AsTask();
                waits.Add(_deferrableWait);
            }

            if (waits.Count == 0)
            {
                return false;
            }

            if (deadline is not null)
            {
                if (deadline.IsCompleted)
                {
                    return false;
                }

                waits.Add(deadline);
            }

            await Task.WhenAny(waits);
        }
    }

    // Waiting callers' records first (in order); then deferrable ones (in order), at most DeferrablePerHeldBatch in a
    // batch that holds waiting callers' records, at most DeferrableBatchSize in one that does not.
    private void Fill(List<PendingAppend> batch)
    {
        while (batch.Count < _settings.MaxBatchSize && _queue.Reader.TryRead(out var pending))
        {
            batch.Add(pending);
        }

        var deferrable = 0;
        var held = 0;
        foreach (var pending in batch)
        {
            if (pending.Deferrable)
            {
                deferrable++;
            }
            else
            {
                held++;
            }
        }

        var share = held > 0 ? DeferrablePerHeldBatch : DeferrableBatchSize;
        while (batch.Count < _settings.MaxBatchSize && deferrable < share && _deferrable.Reader.TryRead(out var pending))
        {
            batch.Add(pending);
            deferrable++;
        }
    }

    private async Task GatherMoreAsync(List<PendingAppend> batch)
    {
        var deadline = Task.Delay(_settings.MaxBatchDelay, _timeProvider);
        while (batch.Count < _settings.MaxBatchSize && await WaitForRecordsAsync(deadline))
        {
            var before = batch.Count;
            Fill(batch);
            if (batch.Count == before)
            {
                // Only deferrable records are queued, and this batch has taken its share of them.
                break;
            }
        }
    }

    private async Task CommitAsync(List<PendingAppend> batch)
    {
        var records = new AuditRecord[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            records[i] = batch[i].Record;
        }

        IReadOnlyList<AuditEntry> entries;
        try
        {
            entries = await _committer.CommitAsync(records, CancellationToken.None);
        }
        catch (Exception exception)
        {
            AuditLog.BatchCommitFailed(_logger, batch.Count, exception);
            await ResetQuietlyAsync();
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(
                    new AuditUnavailableException("The audit store could not commit the record.", exception));
            }

            return;
        }

        Interlocked.Increment(ref _batchCount);
        Interlocked.Add(ref _recordCount, batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Completion.TrySetResult(entries[i]);
        }

        // Only now, with this batch's callers released: the next batch waits for it, they do not.
        await HousekeepQuietlyAsync();
    }

    private async Task HousekeepQuietlyAsync()
    {
        try
        {
            await _committer.AfterCallersReleasedAsync();
        }
        catch (Exception exception)
        {
            // Every record before it is committed; the writer must not stop over housekeeping.
            AuditLog.HousekeepingFailed(_logger, exception);
        }
    }

    private async Task ResetQuietlyAsync()
    {
        try
        {
            await _committer.ResetAsync();
        }
        catch (Exception exception)
        {
            AuditLog.BatchCommitFailed(_logger, 0, exception);
        }
    }
}
