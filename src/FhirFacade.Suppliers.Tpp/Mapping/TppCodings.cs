using System.Globalization;

namespace FhirFacade.Suppliers.Tpp.Mapping;

/// <summary>TPP coded values and dates as FHIR: CTV3 kept beside its SNOMED CT map, SNOMED CT and dm+d ids checked.</summary>
internal static class TppCodings
{
    /// <summary>
    /// The CTV3 coding of a row plus SNOMED CT: TPP's own map when the row has one, else the project's ConceptMap;
    /// an unmapped code keeps its CTV3 coding and text and is reported. <see langword="null"/> without a usable code or term.
    /// </summary>
    public static CodeableConcept? FromCtv3(TppCodedValue? ctv3, TppCodedValue? snomed, TppMappingContext context, string what = "problem", long? rowId = null)
    {
        var code = ctv3?.Code;
        if (code is null || code.Length == 0)
        {
            return snomed is null ? null : FromSnomed(snomed);
        }

        var concept = new CodeableConcept { Text = ctv3!.Term };
        if (IsSctId(snomed?.ConceptId))
        {
            concept.Coding.Add(new Coding(FhirSystems.Snomed, snomed!.ConceptId, snomed.Term));
        }
        else if (context.Ctv3Map.Translate(code) is { } target)
        {
            concept.Coding.Add(new Coding(FhirSystems.Snomed, target.Code, target.Display));
        }
        else
        {
            context.UnmappedCode(what, rowId, code);
        }

        concept.Coding.Add(new Coding(FhirSystems.Ctv3, code, ctv3.Term));
        return concept;
    }

    /// <summary>A SNOMED CT concept; a broken id falls back to text only, <see langword="null"/> when there is no term either.</summary>
    public static CodeableConcept? FromSnomed(TppCodedValue? value)
    {
        if (value is null)
        {
            return null;
        }

        if (IsSctId(value.ConceptId))
        {
            return new CodeableConcept(FhirSystems.Snomed, value.ConceptId, value.Term, value.Term);
        }

        return string.IsNullOrEmpty(value.Term) ? null : CodeableConcept.FromText(value.Term);
    }

    /// <summary>A dm+d product; a missing or broken id falls back to the drug name as text.</summary>
    public static CodeableConcept? FromDmd(TppDrug? drug)
    {
        if (drug is null)
        {
            return null;
        }

        if (IsSctId(drug.DmdId))
        {
            return new CodeableConcept(FhirSystems.Dmd, drug.DmdId, drug.Name, drug.Name);
        }

        return string.IsNullOrEmpty(drug.Name) ? null : CodeableConcept.FromText(drug.Name);
    }

    /// <summary>SNOMED CT and dm+d ids are 6–18 digits.</summary>
    public static bool IsSctId(string? id) => id is { Length: >= 6 and <= 18 } && id.All(char.IsAsciiDigit);

    /// <summary>A partial date's value when it is a real <c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c> date; an impossible one is left out and reported.</summary>
    public static string? PartialDate(TppPartialDate? date, string what, TppMappingContext context) => Date(date?.Value, PartialFormats, what, context);

    /// <summary>Whether <paramref name="value"/> is a real <c>yyyy-MM-dd</c> date.</summary>
    public static bool IsFullDate([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? value) =>
        value is not null && DateOnly.TryParseExact(value, FullFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>A real <c>yyyy-MM-dd</c> date; an impossible one is left out and reported.</summary>
    public static string? FullDate(string? value, string what, TppMappingContext context) => Date(value, FullFormats, what, context);

    private static readonly string[] PartialFormats = ["yyyy", "yyyy-MM", "yyyy-MM-dd"];
    private static readonly string[] FullFormats = ["yyyy-MM-dd"];

    private static string? Date(string? value, string[] formats, string what, TppMappingContext context)
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return value;
        }

        context.InvalidValue(what);
        return null;
    }
}
