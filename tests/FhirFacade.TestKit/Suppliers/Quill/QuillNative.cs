namespace FhirFacade.TestKit.Suppliers.Quill;

// The native records of "Quill", a GP system that exists only in the tests: the worked example of
// docs/adding-a-supplier.md. Its answers are plain records; dates are text, as a real supplier's often are.

/// <summary>A Quill patient.</summary>
public sealed record QuillPatient(string? NhsNumber, string Family, string Given, string BirthDate, string Sex, bool Sensitive = false, bool Dissent = false);

/// <summary>A problem, coded in Quill's local code system.</summary>
public sealed record QuillProblem(string Id, string Code, string Term, bool Active = true, bool Confidential = false);

/// <summary>An allergy, coded in SNOMED CT; an end date makes it resolved.</summary>
public sealed record QuillAllergy(string Id, string SnomedCode, string Term, string? EndDate = null, bool Confidential = false);

/// <summary>A medication, by dm+d code (when it has one) and name.</summary>
public sealed record QuillMedication(string Id, string? DmdCode, string Name, string Dose, string StartDate, bool Confidential = false);

/// <summary>Everything Quill answers about one patient at one practice.</summary>
public sealed record QuillRecord(
    string PracticeOds,
    QuillPatient Patient,
    IReadOnlyList<QuillProblem> Problems,
    IReadOnlyList<QuillAllergy> Allergies,
    IReadOnlyList<QuillMedication> Medications,
    int Version = 1);

/// <summary>One Quill answer: an HTTP-like status, the record, or an unreadable body.</summary>
public sealed record QuillAnswer(int Status, QuillRecord? Record = null, bool Garbled = false)
{
    /// <summary>The status of an answer that never came: the connection was refused.</summary>
    public const int NoConnection = 0;
}
