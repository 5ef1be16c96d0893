namespace FhirFacade.Suppliers.Tpp.Native;

/// <summary>A partial date: <c>value</c> is <c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c> as <c>precision</c> says.</summary>
internal sealed record TppPartialDate
{
    public string? Value { get; init; }

    public string? Precision { get; init; }
}
