namespace FhirFacade.Simulators.World;

/// <summary>A clinician of the simulated world: SDS-like user id (12 digits), GMC number (7 digits; null for non-doctors), name, role and ODS code of the workplace.</summary>
public sealed record Practitioner(
    string SdsUserId,
    string? GmcNumber,
    string Title,
    string GivenName,
    string FamilyName,
    string Gender,
    string Role,
    string OdsCode);
