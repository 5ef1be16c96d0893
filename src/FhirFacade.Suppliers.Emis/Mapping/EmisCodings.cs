namespace FhirFacade.Suppliers.Emis.Mapping;

/// <summary>
/// EMIS coded values as FHIR CodeableConcepts: SNOMED CT and dm+d as sent; an EMIS local code kept first, with its SNOMED
/// CT translation from the project's ConceptMap beside it (an unmapped one keeps its coding and text and is reported).
/// </summary>
internal static class EmisCodings
{
    /// <summary>
    /// The concept, or <see langword="null"/> when the value has neither a usable code nor a term. An EMIS local code
    /// without a SNOMED CT map is reported through <paramref name="context"/> when one is given (<c>EMIS-UNMAPPED-CODE</c>).
    /// </summary>
    public static CodeableConcept? ToConcept(EmisCodedValue? value, EmisMappingContext? context = null, string what = "item", string? itemId = null)
    {
        if (value is null)
        {
            return null;
        }

        var system = value.Scheme switch
        {
            EmisCodeSystems.SchemeSnomed => FhirSystems.Snomed,
            EmisCodeSystems.SchemeDmd => FhirSystems.Dmd,
            EmisCodeSystems.SchemeEmis => EmisCodeSystems.EmisLocal,
            _ => null,
        };
        if (system is null || !IsValidCode(value.Scheme, value.Code))
        {
            return value.Term is null ? null : CodeableConcept.FromText(value.Term);
        }

        var concept = new CodeableConcept(system, value.Code, value.Term, value.Term);
        if (value.Scheme == EmisCodeSystems.SchemeEmis)
        {
            if (EmisSnomedMap.Translate(value.Code!) is { } snomed)
            {
                concept.Coding.Add(new Coding(FhirSystems.Snomed, snomed.Code, snomed.Display));
            }
            else
            {
                context?.UnmappedCode(what, itemId, value.Code!);
            }
        }

        return concept;
    }

    /// <summary>SNOMED CT and dm+d ids are 6–18 digits; EMIS local codes are non-empty.</summary>
    public static bool IsValidCode(string? scheme, string? code) => code is not null && scheme switch
    {
        EmisCodeSystems.SchemeSnomed or EmisCodeSystems.SchemeDmd => code.Length is >= 6 and <= 18 && code.All(char.IsAsciiDigit),
        _ => code.Length > 0,
    };
}
