namespace FhirFacade.Suppliers.Emis.Native;

/// <summary>A <c>Practitioner</c> element.</summary>
public sealed record EmisPractitioner(
    string Id,
    string? SdsUserId,
    string? GmcNumber,
    string? Title,
    string? GivenName,
    string? FamilyName,
    string? Gender,
    string? Role,
    string? OrganisationOdsCode);
