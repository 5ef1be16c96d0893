namespace FhirFacade.Suppliers.Microtest.Native;

/// <summary>A <c>problem</c>: a Read v2 coded problem-list entry with UK partial dates.</summary>
internal sealed record MicrotestProblem(
    string? Id,
    string? ReadCode,
    string? Term,
    string? Status,
    string? Significance,
    string? Onset,
    string? End,
    bool Confidential,
    string? Notes,
    string? Recorded,
    string? RecordedBy);
