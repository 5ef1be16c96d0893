using FhirFacade.Core.Audit;

namespace FhirFacade.Audit;

/// <summary>A concrete audit store: the trail, its chain reader, schema creation and shutdown.</summary>
public interface IAuditStore : IAuditTrail, IAuditChainReader, IAsyncDisposable
{
    /// <summary>Creates the schema if missing and checks the store can be reached.</summary>
    /// <exception cref="AuditUnavailableException">The store cannot be opened.</exception>
    Task InitializeAsync(CancellationToken cancellationToken);
}
