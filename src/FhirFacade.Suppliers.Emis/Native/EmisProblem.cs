namespace FhirFacade.Suppliers.Emis.Native;

/// <summary>A <c>Problem</c> event.</summary>
public sealed record EmisProblem(
    string Id,
    string? Status,
    string? Significance,
    bool Confidential,
    EmisCodedValue? Code,
    EmisPartialDate? Onset,
    EmisPartialDate? End,
    string? RecordedDate,
    string? RecordedBy,
    string? Note);
