namespace FhirFacade.Core.Audit;

/// <summary>The first break found in an audit chain.</summary>
/// <param name="Sequence">The sequence number where the chain stops being trustworthy.</param>
/// <param name="Kind">What is wrong there.</param>
/// <param name="Description">A human-readable explanation (sequence numbers only, never record content).</param>
public sealed record AuditChainBreak(long Sequence, AuditChainBreakKind Kind, string Description);
