namespace FhirFacade.Suppliers.Tpp.Native;

/// <summary>An error answer: <c>{"error":{…}}</c>.</summary>
internal sealed record TppErrorAnswer
{
    public TppError? Error { get; init; }
}
