namespace FhirFacade.Suppliers.Emis.Native;

/// <summary>
/// A <c>PatientRecord</c> (or <c>PatientSummary</c>, which has no practitioners or events).
/// Public as the result of <see cref="EmisXmlReader"/>.
/// </summary>
public sealed record EmisPatientRecord(
    string? Version,
    EmisOrganisation? Organisation,
    EmisPatient? Patient,
    IReadOnlyList<EmisPractitioner> Practitioners,
    IReadOnlyList<EmisProblem> Problems,
    IReadOnlyList<EmisAllergy> Allergies,
    IReadOnlyList<EmisMedication> Medications);
