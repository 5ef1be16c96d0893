namespace FhirFacade.Suppliers.Tpp.Native;

/// <summary>A coded value: CTV3 (<c>code</c>) or SNOMED CT (<c>conceptId</c>), with its term.</summary>
internal sealed record TppCodedValue
{
    /// <summary>The CTV3 code (<c>H33..</c>).</summary>
    public string? Code { get; init; }

    /// <summary>The SNOMED CT concept id.</summary>
    public string? ConceptId { get; init; }

    public string? Term { get; init; }
}
