using FhirFacade.Core.Suppliers;

namespace FhirFacade.Core.Access;

/// <summary>
/// The gateway's security seam: SMART scopes, patient-context confinement, sharing and consent
/// rules plug in here. <see cref="AuthorizeAsync"/> runs before any supplier call (throw a
/// <see cref="Errors.FacadeException"/> to refuse: 403/404); <see cref="MayRelease"/> runs on every
/// resource about to be returned (matches and includes), so nothing outside the caller's context leaks.
/// </summary>
public interface IAccessPolicy
{
    /// <summary>Allows the request or throws a <see cref="Errors.FacadeException"/>.</summary>
    ValueTask AuthorizeAsync(AccessRequest request, CancellationToken cancellationToken);

    /// <summary><see langword="false"/> to withhold a resource from the response.</summary>
    bool MayRelease(SupplierResource resource, string supplier, string organisation);
}
