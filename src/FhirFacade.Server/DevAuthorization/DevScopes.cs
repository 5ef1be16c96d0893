namespace FhirFacade.Server.DevAuthorization;

/// <summary>The SMART and OpenID Connect scopes the development issuer gives a meaning to.</summary>
internal static class DevScopes
{
    /// <summary>OpenID Connect: an id token is issued.</summary>
    public const string OpenId = "openid";

    /// <summary>SMART: the id token carries <c>fhirUser</c>.</summary>
    public const string FhirUser = "fhirUser";

    /// <summary>SMART EHR launch: the launch context comes from the <c>launch</c> parameter.</summary>
    public const string Launch = "launch";

    /// <summary>SMART standalone launch: the user picks the patient.</summary>
    public const string LaunchPatient = "launch/patient";
}
