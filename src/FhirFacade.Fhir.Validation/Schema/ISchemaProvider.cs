namespace FhirFacade.Fhir.Validation.Schema;

/// <summary>Compiled schemas by canonical URL or type name, compiled once and cached; thread-safe.</summary>
internal interface ISchemaProvider
{
    /// <summary>The schema of a profile or core type by canonical URL; <see langword="null"/> when it cannot be resolved.</summary>
    ElementSchema? ForCanonical(string canonical);

    /// <summary>The schema of a core type by name (<c>Patient</c>, <c>HumanName</c>); <see langword="null"/> when unknown.</summary>
    ElementSchema? ForType(string typeName);
}
