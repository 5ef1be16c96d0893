namespace FhirFacade.Suppliers.Tpp.Native;

/// <summary>One issue of a medication.</summary>
internal sealed record TppMedicationIssue
{
    public long? RowId { get; init; }

    public string? IssueDate { get; init; }

    public decimal? Quantity { get; init; }

    public string? QuantityUnit { get; init; }
}
