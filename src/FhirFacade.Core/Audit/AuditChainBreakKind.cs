namespace FhirFacade.Core.Audit;

/// <summary>What is wrong at the first break of an audit chain.</summary>
public enum AuditChainBreakKind
{
    /// <summary>A row's stored hash does not match its content and previous hash: the row was altered.</summary>
    AlteredRow,

    /// <summary>Sequence numbers jump, or the head says rows exist after the last one: rows were deleted.</summary>
    MissingRow,

    /// <summary>A row is intact but does not link to the row before it: rows were moved (or the one before was rewritten with a recomputed hash).</summary>
    Reordered,

    /// <summary>The stored chain head does not describe the last row.</summary>
    HeadMismatch,
}
