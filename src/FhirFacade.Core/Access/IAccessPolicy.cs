using FhirFacade.Core.Gateway;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Suppliers;

namespace FhirFacade.Core.Access;

/// <summary>
/// The gateway's security seam: SMART scopes, patient-context confinement, sharing and consent
/// rules plug in here. <see cref="MayRead"/> and <see cref="AuthorizeAsync"/> run before any supplier
/// call (a read the caller may not make is answered as an id never issued: 404; throw a
/// <see cref="Errors.FacadeException"/> to refuse otherwise); <see cref="MayRelease"/> runs on every
/// resource about to be returned (matches and includes), so nothing outside the caller's context leaks.
/// Every method is given the request's <see cref="RequestContext"/>: the policy decides from it alone and reads no
/// ambient state.
/// </summary>
public interface IAccessPolicy
{
    /// <summary>Allows the request or throws a <see cref="Errors.FacadeException"/>.</summary>
    ValueTask AuthorizeAsync(RequestContext context, AccessRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// <see langword="false"/> when the caller may learn nothing about the record <paramref name="id"/> names
    /// (another patient's, for a patient-confined caller): the gateway then answers exactly as for an id it never
    /// issued, before any supplier or sharing rule is consulted, so no refusal discloses what the record is.
    /// </summary>
    bool MayRead(RequestContext context, string resourceType, FacadeResourceId id);

    /// <summary><see langword="false"/> to withhold a resource from the response.</summary>
    bool MayRelease(RequestContext context, SupplierResource resource, string supplier, string organisation);
}
