namespace FhirFacade.Suppliers.Emis;

/// <summary>EMIS native schemes and the FHIR systems they map to.</summary>
internal static class EmisCodeSystems
{
    /// <summary>The supplier id.</summary>
    public const string SupplierId = "emis";

    /// <summary>The FHIR system of EMIS local codes (docs/suppliers/emis.md).</summary>
    public const string EmisLocal = "https://fhirfacade.example.org/CodeSystem/emis-local";

    public const string SchemeSnomed = "SNOMED";
    public const string SchemeEmis = "EMIS";
    public const string SchemeDmd = "DMD";

    /// <summary>SNOMED CT "No known allergy".</summary>
    public const string NoKnownAllergy = "716186003";
}
