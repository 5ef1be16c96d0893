namespace FhirFacade.Core.Audit;

/// <summary>A committed audit record with its place in the hash chain.</summary>
/// <param name="Sequence">The position in the chain, starting at 1, without gaps.</param>
/// <param name="Record">The audited request.</param>
/// <param name="PreviousHash">The hash of the entry before (or <see cref="AuditChain.GenesisHash"/> for the first).</param>
/// <param name="Hash">SHA-256 over the previous hash and the record's canonical form (see <see cref="AuditChain"/>).</param>
public sealed record AuditEntry(long Sequence, AuditRecord Record, string PreviousHash, string Hash);
