namespace FhirFacade.Core.Audit;

/// <summary>
/// A stored chain row as read back for verification. <see cref="Record"/> is null when the
/// stored columns could not be read back into a record (which verification reports as an alteration).
/// </summary>
public sealed record AuditChainRow(long Sequence, AuditRecord? Record, string PreviousHash, string Hash);
