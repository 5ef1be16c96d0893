namespace FhirFacade.Suppliers.Vision.Native;

/// <summary>A PID-5 name (XPN) with its type: <c>L</c> legal/current, <c>M</c> maiden/previous.</summary>
internal sealed record VisionName(string Family, string Given, string Middle, string Title, string Type);
