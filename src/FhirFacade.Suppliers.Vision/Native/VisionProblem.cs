namespace FhirFacade.Suppliers.Vision.Native;

/// <summary>A PRB segment with its markers (ZCF, NTE).</summary>
internal sealed record VisionProblem
{
    public required string Id { get; init; }

    public required VisionCodedValue Code { get; init; }

    public string Recorded { get; init; } = string.Empty;

    /// <summary>PRB-9, partial.</summary>
    public string End { get; init; } = string.Empty;

    /// <summary>PRB-14.1: <c>A</c>, <c>I</c>, <c>R</c>.</summary>
    public string Status { get; init; } = string.Empty;

    /// <summary>PRB-16, partial.</summary>
    public string Onset { get; init; } = string.Empty;

    /// <summary>PRB-18.1: <c>1</c> major, <c>2</c> minor.</summary>
    public string Significance { get; init; } = string.Empty;

    public bool Confidential { get; set; }

    public string? Note { get; set; }
}
