namespace FhirFacade.Suppliers.Emis.Native;

/// <summary>A <c>Name</c> element (<c>use</c> usual | previous).</summary>
public sealed record EmisName(string? Use, string? Title, IReadOnlyList<string> Given, string? Family);
