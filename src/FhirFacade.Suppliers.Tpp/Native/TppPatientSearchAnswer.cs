namespace FhirFacade.Suppliers.Tpp.Native;

/// <summary>The answer to <c>PatientSearch</c>: the matching NHS numbers, and whether more matched than were returned.</summary>
internal sealed record TppPatientSearchAnswer
{
    public IReadOnlyList<string>? NhsNumbers { get; init; }

    public bool Truncated { get; init; }
}
