namespace FhirFacade.Suppliers.Tpp.Native;

/// <summary>The <c>error</c> object of an error answer.</summary>
internal sealed record TppError
{
    public string? Code { get; init; }

    public string? Message { get; init; }

    /// <summary>On 403: the units that refused.</summary>
    public IReadOnlyList<string>? OdsCodes { get; init; }
}
