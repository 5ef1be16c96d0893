using FhirFacade.Fhir.Conformance;
using FhirFacade.Fhir.Resources;
using FhirFacade.Suppliers.Emis.Native;

namespace FhirFacade.Suppliers.Emis.Mapping;

/// <summary>EMIS coded values as FHIR CodeableConcepts: SNOMED CT, dm+d, or the EMIS local system (the original coding is kept).</summary>
internal static class EmisCodings
{
    /// <summary>The concept, or <see langword="null"/> when the value has neither a usable code nor a term.</summary>
    public static CodeableConcept? ToConcept(EmisCodedValue? value)
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
        if (system is not null && IsValidCode(value.Scheme, value.Code))
        {
            return new CodeableConcept(system, value.Code, value.Term, value.Term);
        }

        return value.Term is null ? null : CodeableConcept.FromText(value.Term);
    }

    /// <summary>SNOMED CT and dm+d ids are 6–18 digits; EMIS local codes are non-empty.</summary>
    public static bool IsValidCode(string? scheme, string? code) => code is not null && scheme switch
    {
        EmisCodeSystems.SchemeSnomed or EmisCodeSystems.SchemeDmd => code.Length is >= 6 and <= 18 && code.All(char.IsAsciiDigit),
        _ => code.Length > 0,
    };
}
