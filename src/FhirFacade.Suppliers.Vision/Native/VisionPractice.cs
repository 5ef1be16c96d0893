namespace FhirFacade.Suppliers.Vision.Native;

/// <summary>PD1-3 (XON): the registered organisation's name and ODS code.</summary>
internal sealed record VisionPractice(string Name, string OdsCode);
