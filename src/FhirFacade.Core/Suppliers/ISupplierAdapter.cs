using FhirFacade.Core.Identity;

namespace FhirFacade.Core.Suppliers;

/// <summary>
/// The port every supplier plugs into (EMIS, SystmOne, Vision, Evolution): a real client of the
/// supplier's native API plus one mapper per FHIR resource type. Adapters return issues for bad
/// supplier data (an unmappable item is skipped and reported) and throw <see cref="SupplierException"/>
/// only when the call as a whole failed.
/// </summary>
public interface ISupplierAdapter
{
    /// <summary>The supplier id used in configuration and resource ids (<c>emis</c>).</summary>
    string SupplierId { get; }

    /// <summary>The supplier's name for people (<c>EMIS Web</c>).</summary>
    string DisplayName { get; }

    /// <summary>The resource types it serves, with the search parameters it translates natively.</summary>
    IReadOnlyList<SupplierResourceCapability> Capabilities { get; }

    /// <summary>A cheap "does this organisation's system hold a record for this NHS number?" (record location).</summary>
    Task<bool> HoldsPatientAsync(OrganisationEndpoint organisation, NhsNumber nhsNumber, CancellationToken cancellationToken);

    /// <summary>Runs a search at one organisation and maps what comes back.</summary>
    Task<SupplierSearchResult> SearchAsync(OrganisationEndpoint organisation, SupplierQuery query, CancellationToken cancellationToken);

    /// <summary>Reads one record by its native id.</summary>
    Task<SupplierReadResult> ReadAsync(OrganisationEndpoint organisation, string resourceType, string nativeId, CancellationToken cancellationToken);
}
