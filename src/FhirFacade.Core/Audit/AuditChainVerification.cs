namespace FhirFacade.Core.Audit;

/// <summary>The result of walking an audit chain.</summary>
/// <param name="Count">How many rows verified before the first break (all of them when <see cref="IsValid"/>).</param>
/// <param name="LastHash">The hash of the last verified row (the genesis hash for an empty chain).</param>
/// <param name="Break">The first break, or null when the chain is intact.</param>
public sealed record AuditChainVerification(long Count, string LastHash, AuditChainBreak? Break)
{
    public bool IsValid => Break is null;
}
