namespace FhirFacade.Suppliers.Emis.Native;

/// <summary>A patient <c>Address</c> element.</summary>
public sealed record EmisAddress(string? Use, IReadOnlyList<string> Lines, string? Town, string? County, string? Postcode);
