namespace FhirFacade.Suppliers.Microtest.Native;

/// <summary>One page of a list; <see cref="NoKnownAllergies"/> is only on allergy pages.</summary>
internal sealed record MicrotestPage<T>(
    string? NhsNumber,
    IReadOnlyList<T>? Items,
    string? NextCursor,
    int? Total,
    MicrotestNoKnownAllergies? NoKnownAllergies);
