namespace FhirFacade.Suppliers.Tpp.Native;

/// <summary>The answer to <c>Organisation</c>.</summary>
internal sealed record TppOrganisationAnswer
{
    public TppUnit? Unit { get; init; }
}
