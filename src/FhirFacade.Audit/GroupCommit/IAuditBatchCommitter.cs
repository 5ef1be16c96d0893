using FhirFacade.Core.Audit;

namespace FhirFacade.Audit.GroupCommit;

/// <summary>Commits one batch of records to the chain in a single transaction.</summary>
internal interface IAuditBatchCommitter : IAsyncDisposable
{
    /// <summary>Reads the chain head, chains the records after it, stores them and commits; returns the entries in order.</summary>
    Task<IReadOnlyList<AuditEntry>> CommitAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken);

    /// <summary>Drops connections after a failure so the next batch starts afresh.</summary>
    ValueTask ResetAsync();
}
