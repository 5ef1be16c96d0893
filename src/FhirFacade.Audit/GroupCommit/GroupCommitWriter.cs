using System.Threading.Channels;
using FhirFacade.Core.Audit;
using Microsoft.Extensions.Logging;

namespace FhirFacade.Audit.GroupCommit;

/// <summary>
/// Group commit: callers enqueue records; one background writer takes everything queued (up to
/// the batch size), commits it in one transaction and completes each caller once its batch is
/// committed. A failed commit fails every caller of that batch with
/// <see cref="AuditUnavailableException"/>; the queue is bounded and a full or closed queue fails
/// at once, so no caller ever waits on a store that cannot write.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private readonly IAuditBatchCommitter _committer;
    private readonly GroupCommitSettings _settings;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Channel<PendingAppend> _queue;
    private readonly Task _loop;
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
        _queue = Channel.CreateBounded<PendingAppend>(new BoundedChannelOptions(settings.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _loop = Task.Run(() => RunAsync(startGate));
    }

    /// <summary>How many batches (transactions) have committed.</summary>
    public long BatchCount => Interlocked.Read(ref _batchCount);

    /// <summary>How many records have committed.</summary>
    public long RecordCount => Interlocked.Read(ref _recordCount);

    public async ValueTask<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        var pending = new PendingAppend(record);
        if (!_queue.Writer.TryWrite(pending))
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

            var reader = _queue.Reader;
            while (await reader.WaitToReadAsync())
            {
                Fill(reader, batch);
                if (_settings.MaxBatchDelay > TimeSpan.Zero && batch.Count < _settings.MaxBatchSize)
                {
                    await GatherMoreAsync(reader, batch);
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
            while (_queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(new AuditUnavailableException("The audit writer stopped.", exception));
            }
        }
    }

    private void Fill(ChannelReader<PendingAppend> reader, List<PendingAppend> batch)
    {
        while (batch.Count < _settings.MaxBatchSize && reader.TryRead(out var pending))
        {
            batch.Add(pending);
        }
    }

    private async Task GatherMoreAsync(ChannelReader<PendingAppend> reader, List<PendingAppend> batch)
    {
        using var delay = new CancellationTokenSource(_settings.MaxBatchDelay, _timeProvider);
        try
        {
            while (batch.Count < _settings.MaxBatchSize && await reader.WaitToReadAsync(delay.Token))
            {
                Fill(reader, batch);
            }
        }
        catch (OperationCanceledException) when (delay.IsCancellationRequested)
        {
            // The delay is over: commit what has gathered.
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
