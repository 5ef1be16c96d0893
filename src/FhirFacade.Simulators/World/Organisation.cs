namespace FhirFacade.Simulators.World;

/// <summary>An organisation of the simulated world and the supplier system it runs. <c>ThirdPartySharing</c> is TPP's practice-level switch (always true for other suppliers); <c>SharedAreas</c> are the record areas it shares with third parties.</summary>
public sealed record Organisation(
    string OdsCode,
    string Name,
    SupplierKind Supplier,
    OrganisationKind Kind,
    bool ThirdPartySharing,
    RecordAreas SharedAreas,
    string AddressLine,
    string Town,
    string Postcode,
    string Telephone);
