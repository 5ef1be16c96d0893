namespace FhirFacade.Core.Sharing;

/// <summary>
/// The organisation on whose behalf the current request is made, as the security layer established it
/// (the SMART access token's <c>organization</c> claim). The sharing policy asks it per request.
/// </summary>
public interface IRequestingOrganisation
{
    /// <summary>The requesting organisation's ODS code; <see langword="null"/> when the request names none.</summary>
    string? OdsCode { get; }
}
