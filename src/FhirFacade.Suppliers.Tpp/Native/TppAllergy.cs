namespace FhirFacade.Suppliers.Tpp.Native;

/// <summary>An allergy row.</summary>
internal sealed record TppAllergy
{
    public long? RowId { get; init; }

    /// <summary><c>Drug</c>, <c>Food</c> or <c>Environment</c>.</summary>
    public string? Category { get; init; }

    public TppCodedValue? Allergen { get; init; }

    public TppReaction? Reaction { get; init; }

    /// <summary><c>Active</c> or <c>Ended</c>.</summary>
    public string? Status { get; init; }

    public TppPartialDate? Onset { get; init; }

    public string? EndDate { get; init; }

    /// <summary>A confidential item.</summary>
    public bool Private { get; init; }

    public string? Notes { get; init; }

    public string? RecordedDate { get; init; }

    public long? RecordedByStaffRowId { get; init; }
}
