using FhirFacade.Core.Terminology;

namespace FhirFacade.Suppliers.Vision.Mapping;

/// <summary>Vision CWE values as FHIR CodeableConcepts: Read v2 kept with its SNOMED CT translation added; SNOMED CT and dm+d as sent.</summary>
internal static class VisionCodings
{
    /// <summary>
    /// A <c>READ2</c> value: the Read v2 coding (always kept, first) plus the SNOMED CT coding from the ConceptMap; an
    /// unmapped code keeps the original coding and text and is reported as information. <see langword="null"/> when
    /// there is neither code nor text. A value in another system keeps its text only.
    /// </summary>
    public static CodeableConcept? FromReadV2(VisionCodedValue value, string what, string? itemId, VisionMappingContext context)
    {
        if (value.Code.Length == 0 || value.System != VisionCodeSystems.ReadV2)
        {
            return value.Text.Length == 0 ? null : CodeableConcept.FromText(value.Text);
        }

        var term = value.Text.Length == 0 ? null : value.Text;
        var concept = new CodeableConcept(FhirSystems.ReadV2, value.Code, term, term);
        if (ReadV2SnomedMap.Translate(value.Code) is { } snomed)
        {
            concept.Coding.Add(new Coding { System = FhirSystems.Snomed, Code = snomed.Code, Display = snomed.Display });
        }
        else
        {
            context.Unmapped(what, itemId, value.Code);
        }

        return concept;
    }

    /// <summary>An <c>SCT</c> value, or its text alone when the code is not a SNOMED CT id.</summary>
    public static CodeableConcept? FromSnomed(VisionCodedValue? value) => FromNumeric(FhirSystems.Snomed, VisionCodeSystems.Snomed, value);

    /// <summary>A <c>DMD</c> value, or the drug name alone when the code is missing or not a dm+d id.</summary>
    public static CodeableConcept? FromDmd(VisionCodedValue? value) => FromNumeric(FhirSystems.Dmd, VisionCodeSystems.Dmd, value);

    /// <summary>SNOMED CT and dm+d ids are 6–18 digits.</summary>
    public static bool IsSctId(string? code) => code is { Length: >= 6 and <= 18 } && code.All(char.IsAsciiDigit);

    private static CodeableConcept? FromNumeric(string system, string nativeSystem, VisionCodedValue? value)
    {
        if (value is null)
        {
            return null;
        }

        var text = value.Text.Length == 0 ? null : value.Text;
        if (IsSctId(value.Code) && value.System == nativeSystem)
        {
            return new CodeableConcept(system, value.Code, text, text);
        }

        return text is null ? null : CodeableConcept.FromText(text);
    }
}
