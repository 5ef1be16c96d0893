namespace FhirFacade.Core.Suppliers;

/// <summary>What a supplier's own Patient search by name found: the patients' NHS numbers, in its order, and whether it found more than it returned.</summary>
/// <param name="NhsNumbers">The patients found.</param>
/// <param name="Truncated">The supplier (or the adapter's bound) left further matches out.</param>
public sealed record PatientMatches(IReadOnlyList<string> NhsNumbers, bool Truncated)
{
    /// <summary>No patient found.</summary>
    public static PatientMatches None { get; } = new([], false);
}
