namespace FhirFacade.Fhir.Resources;

/// <summary>Constructors for the common case of one coding, optionally with the original text.</summary>
public sealed partial class CodeableConcept
{
    /// <summary>Creates an empty concept, for object initialisers.</summary>
    public CodeableConcept()
    {
    }

    /// <summary>Creates a concept with one coding: <c>new CodeableConcept(FhirSystems.ConditionClinical, "active", "Active")</c>.</summary>
    public CodeableConcept(string? system, string? code, string? display = null, string? text = null)
    {
        Coding.Add(new Coding(system, code, display));
        Text = text;
    }

    /// <summary>Creates a concept with several codings (e.g. the supplier's original code and its SNOMED CT map) and optional text.</summary>
    public CodeableConcept(IEnumerable<Coding> codings, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(codings);
        Coding.AddRange(codings);
        Text = text;
    }

    /// <summary>A text-only concept, for uncoded supplier data.</summary>
    public static CodeableConcept FromText(string text) => new() { Text = text };

    /// <summary>The first coding from a code system, or <see langword="null"/>.</summary>
    public Coding? GetCoding(string system) => Coding.Find(c => string.Equals(c.System, system, StringComparison.Ordinal));

    /// <summary><see langword="true"/> when one of the codings has this system and code.</summary>
    public bool HasCoding(string system, string code) =>
        Coding.Exists(c => string.Equals(c.System, system, StringComparison.Ordinal) && string.Equals(c.Code, code, StringComparison.Ordinal));
}
