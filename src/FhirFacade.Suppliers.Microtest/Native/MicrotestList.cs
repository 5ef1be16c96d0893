namespace FhirFacade.Suppliers.Microtest.Native;

/// <summary>A whole list, every page followed; <see cref="Truncated"/> when the page bound stopped it early.</summary>
internal sealed record MicrotestList<T>(
    string? NhsNumber,
    IReadOnlyList<T> Items,
    bool Truncated,
    MicrotestNoKnownAllergies? NoKnownAllergies);
