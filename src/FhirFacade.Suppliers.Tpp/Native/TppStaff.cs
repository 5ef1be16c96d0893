namespace FhirFacade.Suppliers.Tpp.Native;

/// <summary>A member of staff (the usual GP of a registration).</summary>
internal sealed record TppStaff
{
    public long? StaffRowId { get; init; }

    public string? SdsUserId { get; init; }

    /// <summary><see langword="null"/> for nurses.</summary>
    public string? GmcNumber { get; init; }

    public string? Title { get; init; }

    public string? Forenames { get; init; }

    public string? Surname { get; init; }

    public string? Role { get; init; }
}
