using FhirFacade.Fhir.Model;

namespace FhirFacade.Server.Bundles;

/// <summary>A built <c>searchset</c> Bundle and the number of resources (matches and includes) it carries, for the audit record.</summary>
/// <param name="Bundle">The Bundle's element tree, ready to serialize.</param>
/// <param name="ResourceCount">How many resources its entries carry (the OperationOutcome not counted).</param>
public readonly record struct SearchBundle(ElementNode Bundle, int ResourceCount);
