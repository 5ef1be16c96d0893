namespace FhirFacade.Suppliers.Tpp.Native;

/// <summary>A patient's address.</summary>
internal sealed record TppAddress
{
    public string? Street { get; init; }

    public string? Locality { get; init; }

    public string? Town { get; init; }

    public string? County { get; init; }

    public string? Postcode { get; init; }
}
