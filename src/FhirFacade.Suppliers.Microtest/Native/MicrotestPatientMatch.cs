namespace FhirFacade.Suppliers.Microtest.Native;

/// <summary>One item of a demographic search page (<c>GET /api/v1/patients?surname=…</c>).</summary>
internal sealed record MicrotestPatientMatch(string? NhsNumber);
