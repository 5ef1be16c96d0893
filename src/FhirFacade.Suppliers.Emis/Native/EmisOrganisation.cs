namespace FhirFacade.Suppliers.Emis.Native;

/// <summary>An <c>Organisation</c> element.</summary>
public sealed record EmisOrganisation(string OdsCode, string? Name, string? Type, IReadOnlyList<string> AddressLines, string? Town, string? Postcode, string? Telephone);
