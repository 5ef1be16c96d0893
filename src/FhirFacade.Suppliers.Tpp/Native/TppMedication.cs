namespace FhirFacade.Suppliers.Tpp.Native;

/// <summary>A medication row (an acute or repeat prescription and its issues, oldest first).</summary>
internal sealed record TppMedication
{
    public long? RowId { get; init; }

    public TppDrug? Drug { get; init; }

    public string? Dosage { get; init; }

    public decimal? Quantity { get; init; }

    public string? QuantityUnit { get; init; }

    /// <summary><c>Acute</c>, <c>Repeat</c> or <c>RepeatDispensing</c>.</summary>
    public string? PrescriptionType { get; init; }

    /// <summary><c>Active</c>, <c>Completed</c> or <c>Stopped</c>.</summary>
    public string? Status { get; init; }

    public string? StartDate { get; init; }

    public string? EndDate { get; init; }

    public string? ReviewDate { get; init; }

    public int? MaxIssues { get; init; }

    public string? StopReason { get; init; }

    /// <summary>A confidential item.</summary>
    public bool Private { get; init; }

    public long? PrescriberStaffRowId { get; init; }

    public IReadOnlyList<TppMedicationIssue>? Issues { get; init; }
}
