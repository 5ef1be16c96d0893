namespace FhirFacade.Suppliers.Vision.Native;

/// <summary>What a demographic query (VDQ) found: the NHS numbers sent, and whether Vision left matches out.</summary>
internal sealed record VisionPatientMatches(IReadOnlyList<string> NhsNumbers, bool Truncated)
{
    /// <summary>No match.</summary>
    public static VisionPatientMatches None { get; } = new([], false);
}
