using FhirFacade.Core.Identity;
using FhirFacade.Core.Suppliers;

namespace FhirFacade.Core.Access;

/// <summary>The policy when no security is configured: everything allowed. The security layer replaces it.</summary>
internal sealed class AllowAllAccessPolicy : IAccessPolicy
{
    public ValueTask AuthorizeAsync(AccessRequest request, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public bool MayRead(string resourceType, FacadeResourceId id) => true;

    public bool MayRelease(SupplierResource resource, string supplier, string organisation) => true;
}
