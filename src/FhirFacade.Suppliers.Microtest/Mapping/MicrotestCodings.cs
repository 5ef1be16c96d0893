using FhirFacade.Core.Terminology;

namespace FhirFacade.Suppliers.Microtest.Mapping;

/// <summary>Evolution codes as FHIR CodeableConcepts: Read v2 kept with its SNOMED CT translation added; SNOMED CT and dm+d as sent.</summary>
internal static class MicrotestCodings
{
    /// <summary>
    /// The Read v2 coding (always kept, first) plus the SNOMED CT coding from the ConceptMap; an unmapped code keeps the
    /// original coding and text and is reported as information. <see langword="null"/> when there is neither code nor term.
    /// </summary>
    public static CodeableConcept? FromReadV2(string? readCode, string? term, string what, string? itemId, MicrotestMappingContext context)
    {
        if (string.IsNullOrWhiteSpace(readCode))
        {
            return string.IsNullOrWhiteSpace(term) ? null : CodeableConcept.FromText(term);
        }

        var concept = new CodeableConcept(FhirSystems.ReadV2, readCode, term, term);
        if (ReadV2SnomedMap.Translate(readCode) is { } snomed)
        {
            concept.Coding.Add(new Coding { System = FhirSystems.Snomed, Code = snomed.Code, Display = snomed.Display });
        }
        else
        {
            context.Unmapped(what, itemId, readCode);
        }

        return concept;
    }

    /// <summary>A SNOMED CT coded term, or its text alone when the code is not a SNOMED CT id.</summary>
    public static CodeableConcept? FromSnomed(string? code, string? term) => FromNumeric(FhirSystems.Snomed, code, term);

    /// <summary>A dm+d coded drug, or its name alone when the code is missing or not a dm+d id.</summary>
    public static CodeableConcept? FromDmd(string? code, string? name) => FromNumeric(FhirSystems.Dmd, code, name);

    /// <summary>SNOMED CT and dm+d ids are 6–18 digits.</summary>
    public static bool IsSctId(string? code) => code is { Length: >= 6 and <= 18 } && code.All(char.IsAsciiDigit);

    private static CodeableConcept? FromNumeric(string system, string? code, string? term)
    {
        if (IsSctId(code))
        {
            return new CodeableConcept(system, code, term, term);
        }

        return string.IsNullOrWhiteSpace(term) ? null : CodeableConcept.FromText(term);
    }
}
