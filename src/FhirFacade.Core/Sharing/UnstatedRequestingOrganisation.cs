namespace FhirFacade.Core.Sharing;

/// <summary>The default when no security layer is registered: no requesting organisation is known.</summary>
internal sealed class UnstatedRequestingOrganisation : IRequestingOrganisation
{
    public string? OdsCode => null;
}
