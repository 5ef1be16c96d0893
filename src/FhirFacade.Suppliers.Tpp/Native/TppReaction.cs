namespace FhirFacade.Suppliers.Tpp.Native;

/// <summary>The reaction of an allergy row.</summary>
internal sealed record TppReaction
{
    public TppCodedValue? Manifestation { get; init; }

    /// <summary><c>Mild</c>, <c>Moderate</c> or <c>Severe</c>.</summary>
    public string? Severity { get; init; }
}
