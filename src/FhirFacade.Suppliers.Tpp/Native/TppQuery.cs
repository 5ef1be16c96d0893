namespace FhirFacade.Suppliers.Tpp.Native;

/// <summary>The body of <c>POST /api/v2/query</c> (docs/suppliers/tpp.md); absent values are left out.</summary>
internal sealed record TppQuery
{
    public required string QueryType { get; init; }

    public string? NhsNumber { get; init; }

    public IReadOnlyList<string>? Areas { get; init; }

    public string? OdsCode { get; init; }

    public string? FamilyName { get; init; }

    public string? DateOfBirth { get; init; }
}
