namespace FhirFacade.Core.Audit;

/// <summary>The chain head a store keeps beside the rows: the last sequence number and hash it committed.</summary>
public sealed record AuditChainHead(long Sequence, string Hash);
