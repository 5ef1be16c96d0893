using FhirFacade.Core.Location;
using FhirFacade.Fhir.Issues;

namespace FhirFacade.Core.Gateway;

/// <summary>The outcome of one supplier call: a value, or a failure with the issue describing it.</summary>
internal sealed record SupplierCallResult<T>(T? Value, SupplierFailure? Failure, Issue? Issue)
{
    public bool Succeeded => Failure is null;
}
