using FhirFacade.Core.Gateway;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Suppliers;

namespace FhirFacade.Core.Access;

/// <summary>The policy when no security is configured: everything allowed. The security layer replaces it.</summary>
internal sealed class AllowAllAccessPolicy : IAccessPolicy
{
    public ValueTask AuthorizeAsync(RequestContext context, AccessRequest request, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public bool MayRead(RequestContext context, string resourceType, FacadeResourceId id) => true;

    public bool MayRelease(RequestContext context, SupplierResource resource, string supplier, string organisation) => true;
}
