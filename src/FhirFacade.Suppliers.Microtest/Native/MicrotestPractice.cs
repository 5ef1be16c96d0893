namespace FhirFacade.Suppliers.Microtest.Native;

/// <summary>The <c>practice</c> holding the record.</summary>
internal sealed record MicrotestPractice(string? OdsCode, string? Name);
