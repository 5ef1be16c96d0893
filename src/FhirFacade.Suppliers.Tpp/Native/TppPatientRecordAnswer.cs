namespace FhirFacade.Suppliers.Tpp.Native;

/// <summary>The answer to <c>PatientRecord</c>: one record per unit holding the patient.</summary>
internal sealed record TppPatientRecordAnswer
{
    public string? NhsNumber { get; init; }

    public IReadOnlyList<TppRecord>? Records { get; init; }
}
