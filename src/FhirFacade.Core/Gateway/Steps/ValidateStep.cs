using FhirFacade.Core.Location;
using FhirFacade.Core.Suppliers;
using FhirFacade.Core.Validation;
using FhirFacade.Fhir.Issues;

namespace FhirFacade.Core.Gateway.Steps;

/// <summary>
/// Step 5, validate: one resource about to be released, checked against its UK Core profile under the validation policy
/// (<see cref="ResourceValidationStep"/>). The value says whether it may be released; the issues say what was found.
/// </summary>
internal static class ValidateStep
{
    public static StepResult<bool> Run(ResourceValidationStep validation, SupplierResource resource, ISupplierAdapter adapter, OrganisationEndpoint organisation)
    {
        var issues = new List<Issue>();
        var valid = validation.Check(resource, adapter.SupplierId, organisation.OdsCode, SupplierCallRunner.SupplierLabel(adapter, organisation), issues);
        return new(valid, [.. issues]);
    }

    public static StepResult<bool> Run(ResourceValidationStep validation, SupplierResource resource, RecordHolder holder) =>
        Run(validation, resource, holder.Adapter, holder.Organisation);
}
