using FhirFacade.Core.Audit;

namespace FhirFacade.Audit.GroupCommit;

/// <summary>Commits one batch of records to the chain in a single transaction.</summary>
internal interface IAuditBatchCommitter : IAsyncDisposable
{
    /// <summary>
    /// Reads the chain head, chains the records after it, stores them and commits; returns the entries in order.
    /// <paramref name="flush"/> false: no caller waits for any record of the batch (all deferrable), so the commit
    /// need not wait for the disk; the next flushed commit makes it durable with its own. An OS crash or power loss
    /// before then can lose such a batch, as a suffix of the chain, never a record in the middle of it.
    /// </summary>
    Task<IReadOnlyList<AuditEntry>> CommitAsync(IReadOnlyList<AuditRecord> records, bool flush, CancellationToken cancellationToken);

    /// <summary>
    /// Housekeeping after a committed batch's callers have been released (the SQLite store finishes
    /// its WAL checkpoints here). The next batch waits for it; no caller of this batch does. A failure
    /// here must not fail anything: implementations report it and return.
    /// </summary>
    ValueTask AfterCallersReleasedAsync();

    /// <summary>Drops connections after a failure so the next batch starts afresh.</summary>
    ValueTask ResetAsync();
}
