using FhirFacade.Audit.GroupCommit;
using FhirFacade.Core.Audit;

namespace FhirFacade.Audit.Tests.GroupCommit;

/// <summary>An in-memory committer that records batch sizes and can be told to fail the next commit.</summary>
internal sealed class FakeBatchCommitter : IAuditBatchCommitter
{
    private AuditChainHead _head = AuditChain.EmptyHead;

    public List<int> BatchSizes { get; } = [];

    public int Resets { get; private set; }

    public bool Disposed { get; private set; }

    public Exception? FailNextCommit { get; set; }

    public Task<IReadOnlyList<AuditEntry>> CommitAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        if (FailNextCommit is { } failure)
        {
            FailNextCommit = null;
            return Task.FromException<IReadOnlyList<AuditEntry>>(failure);
        }

        var entries = AuditChain.Append(_head, records);
        _head = new AuditChainHead(entries[^1].Sequence, entries[^1].Hash);
        BatchSizes.Add(records.Count);
        return Task.FromResult(entries);
    }

    /// <summary>When set, housekeeping after each batch waits for this task (the SQLite store checkpoints there).</summary>
    public Task? HousekeepingGate { get; set; }

    public int HousekeepingRuns { get; private set; }

    public async ValueTask AfterCallersReleasedAsync()
    {
        HousekeepingRuns++;
        if (HousekeepingGate is { } gate)
        {
            await gate;
        }
    }

    public ValueTask ResetAsync()
    {
        Resets++;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
