namespace FhirFacade.Suppliers.Tpp.Native;

/// <summary>A problem row.</summary>
internal sealed record TppProblem
{
    public long? RowId { get; init; }

    public TppCodedValue? Ctv3 { get; init; }

    /// <summary>TPP's own SNOMED CT map of the CTV3 code, when it has one.</summary>
    public TppCodedValue? Snomed { get; init; }

    /// <summary><c>Active</c>, <c>Past</c> or <c>Resolved</c>.</summary>
    public string? Status { get; init; }

    public string? Significance { get; init; }

    public TppPartialDate? Onset { get; init; }

    public TppPartialDate? End { get; init; }

    /// <summary>A confidential item.</summary>
    public bool Private { get; init; }

    public string? Notes { get; init; }

    public string? RecordedDate { get; init; }

    public long? RecordedByStaffRowId { get; init; }
}
