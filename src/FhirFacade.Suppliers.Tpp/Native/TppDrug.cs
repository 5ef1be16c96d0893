namespace FhirFacade.Suppliers.Tpp.Native;

/// <summary>The drug of a medication row: a dm+d id (may be missing or broken) and its name.</summary>
internal sealed record TppDrug
{
    public string? DmdId { get; init; }

    public string? Name { get; init; }
}
