using FhirFacade.Core.Sharing;

namespace FhirFacade.Server.Security;

/// <summary>The requesting organisation of the current request: the validated token's <c>organization</c> (or <c>ods</c>) claim.</summary>
internal sealed class CallerRequestingOrganisation(IHttpContextAccessor httpContextAccessor) : IRequestingOrganisation
{
    public string? OdsCode => httpContextAccessor.HttpContext?.GetCaller()?.OrganisationOds;
}
