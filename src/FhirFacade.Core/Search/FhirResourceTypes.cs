namespace FhirFacade.Core.Search;

/// <summary>The resource types the facade serves.</summary>
public static class FhirResourceTypes
{
    public const string Patient = "Patient";
    public const string MedicationStatement = "MedicationStatement";
    public const string Medication = "Medication";
    public const string AllergyIntolerance = "AllergyIntolerance";
    public const string Condition = "Condition";
    public const string Organization = "Organization";
    public const string Practitioner = "Practitioner";

    /// <summary>The <c>_include</c> the facade supports on MedicationStatement.</summary>
    public const string MedicationStatementMedicationInclude = "MedicationStatement:medication";
}
