namespace FhirFacade.Suppliers.Vision.Native;

/// <summary>An ORC + RXE (+ RXD per issue) group with its confidential marker.</summary>
internal sealed record VisionMedication
{
    /// <summary>ORC-2 (<c>M&lt;n&gt;</c>).</summary>
    public required string Id { get; init; }

    /// <summary>ORC-5: <c>IP</c> active, <c>CM</c> completed, <c>DC</c> stopped.</summary>
    public string Status { get; init; } = string.Empty;

    /// <summary>ORC-9 (may be an impossible date in broken data).</summary>
    public string StartDate { get; init; } = string.Empty;

    public VisionClinician? Prescriber { get; init; }

    public string StopReason { get; init; } = string.Empty;

    /// <summary>RXE-1.5.</summary>
    public string EndDate { get; set; } = string.Empty;

    public VisionCodedValue? Drug { get; set; }

    public string Dose { get; set; } = string.Empty;

    public string Quantity { get; set; } = string.Empty;

    public string Unit { get; set; } = string.Empty;

    public string MaxIssues { get; set; } = string.Empty;

    public string LastIssueDate { get; set; } = string.Empty;

    /// <summary>RXE-21.1: <c>A</c>, <c>R</c>, <c>RD</c>.</summary>
    public string Type { get; set; } = string.Empty;

    public bool Confidential { get; set; }

    public List<VisionMedicationIssue> Issues { get; } = [];
}
