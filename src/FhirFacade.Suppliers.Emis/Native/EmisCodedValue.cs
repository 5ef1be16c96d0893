namespace FhirFacade.Suppliers.Emis.Native;

/// <summary>A coded value: <c>scheme</c> (<c>SNOMED</c>, <c>EMIS</c>, <c>DMD</c>), <c>code</c> (may be missing in broken data) and <c>term</c>.</summary>
public sealed record EmisCodedValue(string? Scheme, string? Code, string? Term);
