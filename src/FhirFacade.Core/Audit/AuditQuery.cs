namespace FhirFacade.Core.Audit;

/// <summary>
/// A search over the audit trail (for <c>/AuditEvent</c>). Filters combine with AND; results are
/// newest first. Page with <see cref="BeforeSequence"/> = the smallest sequence of the previous page, back with
/// <see cref="AfterSequence"/> = the largest sequence of the next one.
/// </summary>
public sealed record AuditQuery
{
    /// <summary>The largest page size a store returns.</summary>
    public const int MaxCount = 1000;

    public string? PatientNhsNumber { get; init; }

    /// <summary>Inclusive lower bound on <see cref="AuditRecord.Recorded"/>.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive upper bound on <see cref="AuditRecord.Recorded"/>.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Matches the agent's client id or user id.</summary>
    public string? Agent { get; init; }

    /// <summary>Matches the agent's organisation ODS code.</summary>
    public string? AgentOrganisationOdsCode { get; init; }

    public string? CorrelationId { get; init; }

    /// <summary>Only entries with a sequence number below this one (for paging).</summary>
    public long? BeforeSequence { get; init; }

    /// <summary>
    /// Only entries with a sequence number above this one, and of those the page nearest to it (for previous links:
    /// the page just newer than one that began at this sequence); still answered newest first.
    /// </summary>
    public long? AfterSequence { get; init; }

    /// <summary>The page size, 1 to <see cref="MaxCount"/>.</summary>
    public int Count { get; init; } = 50;

    /// <summary>The page size clamped to 1..<see cref="MaxCount"/>.</summary>
    public int EffectiveCount => Math.Clamp(Count, 1, MaxCount);
}
