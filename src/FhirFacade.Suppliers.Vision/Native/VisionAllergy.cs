namespace FhirFacade.Suppliers.Vision.Native;

/// <summary>An AL1 + ZAL pair with its markers (ZCF, NTE).</summary>
internal sealed record VisionAllergy
{
    public required string SetId { get; init; }

    /// <summary>AL1-2.1: <c>DA</c>, <c>FA</c>, <c>EA</c>, <c>MA</c>.</summary>
    public string Type { get; init; } = string.Empty;

    public required VisionCodedValue Allergen { get; init; }

    /// <summary>AL1-4.1: <c>SV</c>, <c>MO</c>, <c>MI</c>.</summary>
    public string Severity { get; init; } = string.Empty;

    public VisionCodedValue? Reaction { get; init; }

    /// <summary>AL1-6, partial.</summary>
    public string Onset { get; init; } = string.Empty;

    /// <summary>ZAL-1: <c>A</c> active, <c>R</c> resolved.</summary>
    public string Status { get; set; } = string.Empty;

    public string EndDate { get; set; } = string.Empty;

    public string Recorded { get; set; } = string.Empty;

    /// <summary>ZAL-4 (<c>A&lt;n&gt;</c>); empty when the ZAL is missing.</summary>
    public string Id { get; set; } = string.Empty;

    public VisionClinician? RecordedBy { get; set; }

    public bool Confidential { get; set; }

    public string? Note { get; set; }

    /// <summary>The explicit "no known allergies" entry (SNOMED CT 716186003).</summary>
    public bool IsNoKnownAllergies => Allergen.Code == VisionCodeSystems.NoKnownAllergy;
}
