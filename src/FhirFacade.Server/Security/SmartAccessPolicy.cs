using FhirFacade.Core.Access;
using FhirFacade.Core.Errors;
using FhirFacade.Core.Gateway;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;

namespace FhirFacade.Server.Security;

/// <summary>
/// Confines a patient-context token (SMART <c>patient</c> claim) to its patient, for every way of
/// reaching data: reads, searches by reference or NHS-number chain, paging links (they re-run the
/// search, so they pass here again) and <c>_include</c>s (every released resource is checked).
/// A search naming another patient (or a patient id the facade never issued) is refused up front with 403; a
/// read of another patient's record is answered as an id never issued (404) before any supplier is asked, and
/// any resource of another patient is withheld (docs/adr/0005-out-of-context-patient-access.md).
/// Tokens without a patient context are not confined here; their scopes were checked by the middleware.
/// The caller is the one the request's <see cref="RequestContext"/> carries, built at the edge (<see cref="RequestContexts"/>),
/// its <c>patient</c> claim decoded there once (<see cref="Caller.PatientId"/>): no decision here decodes it again.
/// </summary>
internal sealed class SmartAccessPolicy : IAccessPolicy
{
    // What an undecodable patient claim is confined to: an id no record has, and no NHS number.
    private static readonly FacadeResourceId Nobody = new("-", "-", "-");

    public ValueTask AuthorizeAsync(RequestContext context, AccessRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ContextPatient(context) is not { } confined)
        {
            return ValueTask.CompletedTask;
        }

        // A patient id the facade never issued names nobody the token is confined to: refused like any other patient.
        if (request.Search is { MatchesNothing: true, Patient: null })
        {
            throw OutsideContext();
        }

        if (request.Search?.Patient is not { } named)
        {
            return ValueTask.CompletedTask;
        }

        // A claim that did not decode names nobody, so no patient a search can name is its own: refused up front rather
        // than searched and then withheld resource by resource on the way out.
        if (confined.Id == Nobody)
        {
            throw OutsideContext();
        }

        var samePatient =
            (named.PatientId is { } id && (id == confined.Id || (confined.NhsNumber is { } nhs && NhsOf(id) == nhs)))
            || (named.NhsNumber is { } nhsNumber && (confined.NhsNumber is null || nhsNumber == confined.NhsNumber));
        if (!samePatient)
        {
            throw OutsideContext();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// A patient-confined caller reads only what belongs to its patient or to no patient. Every adapter names a
    /// patient's record by NHS number and anything read through it as <c>{NHS number}/{item}</c>, so the id says
    /// whose record it reads; one naming another patient is answered as an id never issued, whatever that patient's
    /// flags (dissent, sensitive, unknown) — no supplier is asked, so nothing about them can show
    /// (docs/adr/0005-out-of-context-patient-access.md). Ids naming no patient (an ODS code, an SDS user id) are read,
    /// and what comes back still passes <see cref="MayRelease"/>.
    /// </summary>
    public bool MayRead(RequestContext context, string resourceType, FacadeResourceId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (ContextPatient(context) is not { } confined)
        {
            return true;
        }

        if (PatientNamedBy(id.NativeId) is { } owner)
        {
            return confined.NhsNumber is { } nhs && owner == nhs;
        }

        return resourceType != FhirResourceTypes.Patient || id == confined.Id;
    }

    public bool MayRelease(RequestContext context, SupplierResource resource, string supplier, string organisation)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (ContextPatient(context) is not { } confined)
        {
            return true;
        }

        if (resource.ResourceType == "Patient")
        {
            return confined.NhsNumber is { } nhs ? resource.PatientNhsNumber == nhs.Value : resource.NativeId == confined.Id.NativeId;
        }

        // Resources that belong to no patient (Medication, Organization, Practitioner) are released;
        // anything that belongs to a patient must belong to this one.
        return resource.PatientNhsNumber is null || (confined.NhsNumber is { } contextNhs && resource.PatientNhsNumber == contextNhs.Value);
    }

    private static ContextPatientIds? ContextPatient(RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Caller is not { IsConfinedToPatient: true } caller)
        {
            return null;
        }

        // An undecodable patient claim (no PatientId) confines the caller to nothing at all.
        return caller.PatientId is { } id ? new ContextPatientIds(id, caller.PatientNhsNumber) : new ContextPatientIds(Nobody, null);
    }

    private static NhsNumber? NhsOf(FacadeResourceId id) => NhsNumber.TryParse(id.NativeId, out var nhs) ? nhs : null;

    /// <summary>The patient a native id is read through: the NHS number it is, or the one before its first <c>/</c>.</summary>
    private static NhsNumber? PatientNamedBy(string nativeId)
    {
        var slash = nativeId.IndexOf('/', StringComparison.Ordinal);
        return NhsNumber.TryParse(slash < 0 ? nativeId : nativeId[..slash], out var nhs) ? nhs : null;
    }

    private static FacadeException OutsideContext() =>
        FacadeException.Forbidden(SpineErrorCodes.AccessDenied, "The access token is confined to another patient (SMART launch context).");

    private readonly record struct ContextPatientIds(FacadeResourceId Id, NhsNumber? NhsNumber);
}
