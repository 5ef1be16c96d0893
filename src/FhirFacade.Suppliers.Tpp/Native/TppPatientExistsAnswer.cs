namespace FhirFacade.Suppliers.Tpp.Native;

/// <summary>The answer to <c>PatientExists</c>.</summary>
internal sealed record TppPatientExistsAnswer
{
    public bool Held { get; init; }

    public IReadOnlyList<TppUnit>? Units { get; init; }
}
