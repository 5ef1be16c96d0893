namespace FhirFacade.Suppliers.Tpp.Native;

/// <summary>The "no known allergies" row.</summary>
internal sealed record TppNoKnownAllergies
{
    public long? RowId { get; init; }

    public TppCodedValue? Snomed { get; init; }

    public string? RecordedDate { get; init; }

    public long? RecordedByStaffRowId { get; init; }
}
