namespace FhirFacade.Suppliers.Vision.Native;

/// <summary>What one RSP^K11 carried: the patient and the items of the areas asked for.</summary>
internal sealed record VisionRecord(
    VisionPatient Patient,
    IReadOnlyList<VisionProblem> Problems,
    IReadOnlyList<VisionAllergy> Allergies,
    IReadOnlyList<VisionMedication> Medications);
