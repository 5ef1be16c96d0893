namespace FhirFacade.Suppliers.Tpp.Native;

/// <summary>The patient's registration at the unit.</summary>
internal sealed record TppRegistration
{
    /// <summary><c>GMS</c>, <c>Community</c> or <c>TemporaryResident</c>.</summary>
    public string? Type { get; init; }

    public string? StartDate { get; init; }

    public TppStaff? UsualGp { get; init; }
}
