namespace FhirFacade.Simulators.World;

/// <summary>Patient demographics, identical at every organisation holding the patient.</summary>
internal sealed record Demographics(
    string NhsNumber,
    string Title,
    string GivenName,
    string? MiddleName,
    string FamilyName,
    string? PreviousFamilyName,
    AdministrativeSex Sex,
    DateOnly BirthDate,
    DateOnly? DeathDate,
    PostalAddress Address,
    string? HomePhone,
    string? MobilePhone,
    string? Email);
