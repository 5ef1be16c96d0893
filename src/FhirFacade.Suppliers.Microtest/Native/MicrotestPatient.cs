namespace FhirFacade.Suppliers.Microtest.Native;

/// <summary>The Evolution <c>patient</c> object (docs/suppliers/microtest.md): demographics, registration and sharing markers.</summary>
internal sealed record MicrotestPatient(
    string? NhsNumber,
    string? Title,
    string? Forename,
    string? MiddleNames,
    string? Surname,
    IReadOnlyList<string>? PreviousSurnames,
    string? Sex,
    string? DateOfBirth,
    string? DateOfDeath,
    MicrotestAddress? Address,
    string? HomePhone,
    string? MobilePhone,
    string? Email,
    MicrotestPractice? Practice,
    MicrotestRegistration? Registration,
    bool SharingDissent,
    bool Sensitive,
    long? RecordVersion);
