namespace FhirFacade.Core.Audit;

/// <summary>
/// The durable audit trail. The server appends one record per request, failures included, and
/// releases the response only once <see cref="AppendAsync"/> has completed.
/// </summary>
public interface IAuditTrail
{
    /// <summary>
    /// Appends a record to the hash chain. Completes only once the record is durably committed.
    /// Cancelling stops the wait, not the write: a record already queued may still be committed.
    /// </summary>
    /// <returns>The committed entry (sequence number and hash).</returns>
    /// <exception cref="AuditUnavailableException">The store cannot commit (down, locked, full, closed): fail closed (503).</exception>
    /// <exception cref="ArgumentException">The record breaks the content rules (see <see cref="AuditRecordRules"/>).</exception>
    ValueTask<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>Searches committed entries, newest first.</summary>
    /// <exception cref="AuditUnavailableException">The store cannot be read.</exception>
    Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Counts the committed entries the query's filters match, whichever page it asks for (its
    /// <see cref="AuditQuery.BeforeSequence"/>, <see cref="AuditQuery.AfterSequence"/> and count are ignored):
    /// <c>Bundle.total</c> of an AuditEvent search. A store answers it with one query; this default reads every
    /// matching page, which is right for any trail and fit only for small ones.
    /// </summary>
    /// <exception cref="AuditUnavailableException">The store cannot be read.</exception>
    async Task<long> CountAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = query with { BeforeSequence = null, AfterSequence = null, Count = AuditQuery.MaxCount };
        long count = 0;
        while (true)
        {
            var entries = await SearchAsync(page, cancellationToken);
            count += entries.Count;
            if (entries.Count < AuditQuery.MaxCount)
            {
                return count;
            }

            page = page with { BeforeSequence = entries[^1].Sequence };
        }
    }
}
