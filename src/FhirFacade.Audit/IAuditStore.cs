using FhirFacade.Core.Audit;

namespace FhirFacade.Audit;

/// <summary>A concrete audit store: the trail, its chain reader, schema creation and shutdown.</summary>
public interface IAuditStore : IAuditTrail, IAuditChainReader, IAsyncDisposable
{
    /// <summary>Creates the schema if missing and checks the store can be reached.</summary>
    /// <exception cref="AuditUnavailableException">The store cannot be opened.</exception>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Checks, without appending anything, that a record could be committed now: the store is there,
    /// reachable and accepts writes (the readiness probe; docs/operations.md).
    /// </summary>
    /// <exception cref="AuditUnavailableException">The store could not take a write now.</exception>
    Task ProbeWritableAsync(CancellationToken cancellationToken);
}
