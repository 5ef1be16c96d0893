namespace FhirFacade.Fhir.Conformance;

/// <summary>
/// Canonical URLs of the UK Core STU2 (2.0.2) profiles the facade conforms to, as defined in the
/// <c>fhir.r4.ukcore.stu2</c> package (<see href="https://simplifier.net/hl7fhirukcorer4"/>).
/// </summary>
public static class UkCoreProfiles
{
    /// <summary>The UK Core package id.</summary>
    public const string PackageId = "fhir.r4.ukcore.stu2";

    /// <summary>The UK Core package version the facade validates against.</summary>
    public const string PackageVersion = "2.0.2";

    public const string Patient = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient";

    public const string MedicationStatement = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-MedicationStatement";

    public const string Medication = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Medication";

    public const string AllergyIntolerance = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-AllergyIntolerance";

    public const string Condition = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Condition";

    public const string Organization = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Organization";

    public const string Practitioner = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Practitioner";

    /// <summary>The seven profiles, keyed by resource type.</summary>
    public static IReadOnlyDictionary<string, string> ByResourceType { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Patient"] = Patient,
        ["MedicationStatement"] = MedicationStatement,
        ["Medication"] = Medication,
        ["AllergyIntolerance"] = AllergyIntolerance,
        ["Condition"] = Condition,
        ["Organization"] = Organization,
        ["Practitioner"] = Practitioner,
    }.AsReadOnly();
}
