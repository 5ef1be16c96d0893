using System.Collections.Frozen;

namespace FhirFacade.Fhir.Validation.Terminology;

/// <summary>Code systems the facade meets that are too large or licensed to ship locally.</summary>
public static class TerminologySystems
{
    /// <summary>SNOMED CT.</summary>
    public const string Snomed = "http://snomed.info/sct";

    /// <summary>NHS Dictionary of medicines and devices (dm+d).</summary>
    public const string Dmd = "https://dmd.nhs.uk";

    /// <summary>Read codes version 2.</summary>
    public const string ReadV2 = "http://read.info/readv2";

    /// <summary>Clinical Terms Version 3 (Read v3).</summary>
    public const string Ctv3 = "http://read.info/ctv3";

    /// <summary>LOINC.</summary>
    public const string Loinc = "http://loinc.org";

    /// <summary>UCUM units.</summary>
    public const string Ucum = "http://unitsofmeasure.org";

    /// <summary>BCP-47 language tags.</summary>
    public const string Bcp47 = "urn:ietf:bcp:47";

    /// <summary>Systems never checked locally, even when a (content-less) CodeSystem resource for them is loaded.</summary>
    public static readonly FrozenSet<string> External = new[]
    {
        Snomed, Dmd, ReadV2, Ctv3, Loinc, Ucum, Bcp47, "urn:ietf:bcp:13", "urn:iso:std:iso:3166", "urn:iso:std:iso:4217",
        "http://www.nlm.nih.gov/research/umls/rxnorm", "http://hl7.org/fhir/sid/icd-10", "http://hl7.org/fhir/sid/icd-10-uk",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Common UCUM units accepted without a UCUM engine (the units GP medication and observation records use);
    /// any other UCUM code is "cannot check".
    /// </summary>
    public static readonly FrozenSet<string> CommonUcumUnits = new[]
    {
        "1", "%", "g", "mg", "ug", "ng", "kg", "L", "mL", "dL", "uL", "mol", "mmol", "umol", "mmol/L", "umol/L", "mol/L",
        "g/L", "g/dL", "mg/L", "mg/dL", "ug/L", "ng/mL", "kg/m2", "cm", "mm", "m", "[in_i]", "[lb_av]", "Cel", "[degF]",
        "mm[Hg]", "/min", "{beats}/min", "{breaths}/min", "s", "min", "h", "d", "wk", "mo", "a", "[iU]", "[IU]", "U", "U/L",
        "10*9/L", "10*12/L", "fL", "pg", "mL/min", "mL/min/{1.73_m2}", "{tablet}", "{capsule}", "{puff}", "{drop}", "{dose}",
    }.ToFrozenSet(StringComparer.Ordinal);
}
