namespace FhirFacade.Suppliers.Emis.Native;

/// <summary>A <c>Telecom</c> element: <c>type</c> home | mobile | email.</summary>
public sealed record EmisTelecom(string? Type, string Value);
