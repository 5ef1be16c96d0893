namespace FhirFacade.Suppliers.Emis.Native;

/// <summary>The <c>Patient</c> element (demographics, registration, sharing flags).</summary>
public sealed record EmisPatient(
    string? NhsNumber,
    IReadOnlyList<EmisName> Names,
    string? Sex,
    string? DateOfBirth,
    string? DateOfDeath,
    IReadOnlyList<EmisAddress> Addresses,
    IReadOnlyList<EmisTelecom> Telecoms,
    EmisRegistration? Registration,
    bool Dissent,
    bool Sensitive);
