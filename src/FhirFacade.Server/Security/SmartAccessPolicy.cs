using FhirFacade.Core.Access;
using FhirFacade.Core.Errors;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;

namespace FhirFacade.Server.Security;

/// <summary>
/// Confines a patient-context token (SMART <c>patient</c> claim) to its patient, for every way of
/// reaching data: reads, searches by reference or NHS-number chain, paging links (they re-run the
/// search, so they pass here again) and <c>_include</c>s (every released resource is checked).
/// A search naming another patient is refused up front with 403; a read or any resource of another
/// patient is withheld, which the gateway answers as 404 (docs/adr/0005-out-of-context-patient-access.md).
/// Tokens without a patient context are not confined here; their scopes were checked by the middleware.
/// </summary>
internal sealed class SmartAccessPolicy(IHttpContextAccessor httpContextAccessor, ResourceIdCodec ids) : IAccessPolicy
{
    public ValueTask AuthorizeAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        var context = ContextPatient();
        if (context is null || request.Search?.Patient is not { } named)
        {
            return ValueTask.CompletedTask;
        }

        var samePatient =
            (named.PatientId is { } id && (id == context.Id || (context.NhsNumber is { } nhs && NhsOf(id) == nhs)))
            || (named.NhsNumber is { } nhsNumber && (context.NhsNumber is null || nhsNumber == context.NhsNumber));
        if (!samePatient)
        {
            throw FacadeException.Forbidden(SpineErrorCodes.AccessDenied, "The access token is confined to another patient (SMART launch context).");
        }

        return ValueTask.CompletedTask;
    }

    public bool MayRelease(SupplierResource resource, string supplier, string organisation)
    {
        var context = ContextPatient();
        if (context is null)
        {
            return true;
        }

        if (resource.ResourceType == "Patient")
        {
            return context.NhsNumber is { } nhs ? resource.PatientNhsNumber == nhs.Value : resource.NativeId == context.Id.NativeId;
        }

        // Resources that belong to no patient (Medication, Organization, Practitioner) are released;
        // anything that belongs to a patient must belong to this one.
        return resource.PatientNhsNumber is null || (context.NhsNumber is { } contextNhs && resource.PatientNhsNumber == contextNhs.Value);
    }

    private ContextPatientIds? ContextPatient()
    {
        var caller = httpContextAccessor.HttpContext?.GetCaller();
        if (caller?.PatientContext is not { } patientId)
        {
            return null;
        }

        // An undecodable patient claim confines the caller to nothing at all.
        var decoded = ids.TryDecode(FhirResourceTypes.Patient, patientId, out var id) ? id : new FacadeResourceId("-", "-", "-");
        return new ContextPatientIds(decoded, NhsOf(decoded));
    }

    private static NhsNumber? NhsOf(FacadeResourceId id) => NhsNumber.TryParse(id.NativeId, out var nhs) ? nhs : null;

    private sealed record ContextPatientIds(FacadeResourceId Id, NhsNumber? NhsNumber);
}
