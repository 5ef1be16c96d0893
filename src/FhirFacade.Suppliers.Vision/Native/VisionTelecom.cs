namespace FhirFacade.Suppliers.Vision.Native;

/// <summary>A PID-13 repetition (XTN): number, use (<c>PRN</c>, <c>NET</c>), equipment (<c>PH</c>, <c>CP</c>, <c>Internet</c>), email.</summary>
internal sealed record VisionTelecom(string Number, string Use, string Equipment, string Email);
