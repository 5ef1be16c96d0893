namespace FhirFacade.Suppliers.Microtest.Native;

/// <summary>What a demographic search matched, every page followed; <see cref="Truncated"/> when the page bound stopped it early.</summary>
internal sealed record MicrotestPatientMatches(IReadOnlyList<string> NhsNumbers, bool Truncated);
