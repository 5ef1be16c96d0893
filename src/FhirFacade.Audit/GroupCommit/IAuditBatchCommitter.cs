using FhirFacade.Core.Audit;

namespace FhirFacade.Audit.GroupCommit;

/// <summary>Commits one batch of records to the chain in a single transaction.</summary>
internal interface IAuditBatchCommitter : IAsyncDisposable
{
    /// <summary>Reads the chain head, chains the records after it, stores them and commits; returns the entries in order.</summary>
    Task<IReadOnlyList<AuditEntry>> CommitAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken);

    /// <summary>
    /// Housekeeping after a committed batch's callers have been released (the SQLite store finishes
    /// its WAL checkpoints here). The next batch waits for it; no caller of this batch does. A failure
    /// here must not fail anything: implementations report it and return.
    /// </summary>
    ValueTask AfterCallersReleasedAsync();

    /// <summary>Drops connections after a failure so the next batch starts afresh.</summary>
    ValueTask ResetAsync();
}
