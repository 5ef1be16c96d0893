namespace FhirFacade.Suppliers.Microtest.Native;

/// <summary>A patient's <c>address</c>.</summary>
internal sealed record MicrotestAddress(string? Line1, string? Line2, string? Town, string? County, string? Postcode);
