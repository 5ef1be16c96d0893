namespace FhirFacade.Suppliers.Tpp.Native;

/// <summary>A SystmOne unit (practice or community service) with its third-party sharing settings.</summary>
internal sealed record TppUnit
{
    public string? OdsCode { get; init; }

    public string? Name { get; init; }

    /// <summary><c>GP</c> or <c>Community</c>.</summary>
    public string? UnitType { get; init; }

    /// <summary>The practice's "third party sharing" switch.</summary>
    public bool ThirdPartySharing { get; init; }

    /// <summary>The record areas the unit shares with third parties.</summary>
    public IReadOnlyList<string>? SharedAreas { get; init; }
}
