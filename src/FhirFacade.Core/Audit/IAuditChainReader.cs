namespace FhirFacade.Core.Audit;

/// <summary>Reads the stored chain in sequence order, for <see cref="AuditChainVerifier"/>.</summary>
public interface IAuditChainReader
{
    /// <summary>Every stored row, in ascending sequence order.</summary>
    IAsyncEnumerable<AuditChainRow> ReadChainAsync(CancellationToken cancellationToken);

    /// <summary>The chain head the store recorded with its last commit, or null when it keeps none.</summary>
    Task<AuditChainHead?> ReadHeadAsync(CancellationToken cancellationToken);
}
