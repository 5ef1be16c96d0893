namespace FhirFacade.Suppliers.Tpp.Native;

/// <summary>One unit's record of the patient. Areas the unit withholds, or that were not requested, are <see langword="null"/>.</summary>
internal sealed record TppRecord
{
    public TppUnit? Unit { get; init; }

    /// <summary><c>Shared</c> or <c>Refused</c>.</summary>
    public string? SharingStatus { get; init; }

    public string? RefusalReason { get; init; }

    public IReadOnlyList<string>? WithheldAreas { get; init; }

    public long? RecordVersion { get; init; }

    public string? LastUpdated { get; init; }

    public TppPatient? Patient { get; init; }

    public IReadOnlyList<TppProblem>? Problems { get; init; }

    public IReadOnlyList<TppAllergy>? Allergies { get; init; }

    public TppNoKnownAllergies? NoKnownAllergies { get; init; }

    public IReadOnlyList<TppMedication>? Medications { get; init; }
}
