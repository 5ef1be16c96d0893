using FhirFacade.Core.Identity;

namespace FhirFacade.Core.Location;

/// <summary>
/// Answers "which organisations and suppliers hold a record for this NHS number". The default asks
/// each configured organisation's adapter (<see cref="Suppliers.ISupplierAdapter.HoldsPatientAsync"/>)
/// in parallel; a caching or PDS/registration-backed locator replaces it through DI. Only "who holds
/// what" may be cached, never clinical content.
/// </summary>
public interface IRecordLocator
{
    /// <summary>Locates the holders; failures to ask an organisation are issues, not exceptions.</summary>
    Task<RecordLocation> LocateAsync(NhsNumber nhsNumber, CancellationToken cancellationToken);

    /// <summary>
    /// Drops anything remembered about where <paramref name="nhsNumber"/> is held, so the next request asks every
    /// organisation again. The gateway calls it when a listed holder says it has no record for the patient.
    /// </summary>
    void Forget(NhsNumber nhsNumber);
}
