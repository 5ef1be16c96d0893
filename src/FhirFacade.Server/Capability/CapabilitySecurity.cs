using FhirFacade.Fhir.Resources;

namespace FhirFacade.Server.Capability;

/// <summary>
/// <c>CapabilityStatement.rest.security</c> for a SMART on FHIR resource server
/// (<see href="https://hl7.org/fhir/smart-app-launch/conformance.html"/>): the SMART-on-FHIR service
/// coding, the <c>oauth-uris</c> extension with the same authorize and token endpoints that
/// <c>/.well-known/smart-configuration</c> advertises, and a description of tokens, scopes, patient
/// context, refusals and sharing rules. <c>cors</c> is true when some browser origin is allowed (<c>Facade:Cors</c>).
/// </summary>
internal static class CapabilitySecurity
{
    /// <summary>The code system of <c>rest.security.service</c>.</summary>
    public const string ServiceSystem = "http://terminology.hl7.org/CodeSystem/restful-security-service";

    /// <summary>The SMART on FHIR service code.</summary>
    public const string SmartOnFhir = "SMART-on-FHIR";

    /// <summary>The SMART extension carrying the OAuth endpoints.</summary>
    public const string OAuthUrisExtension = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";

    /// <summary>The sub-extension naming the authorization endpoint.</summary>
    public const string AuthorizeUrl = "authorize";

    /// <summary>The sub-extension naming the token endpoint.</summary>
    public const string TokenUrl = "token";

    private const string Description =
        "SMART App Launch (v2 and v1 scope syntax). Every request except `metadata` and `/.well-known/smart-configuration` "
        + "needs `Authorization: Bearer <JWT>` from the configured issuer: RS256 or ES256, `iss`, `aud` (this FHIR base URL), "
        + "`exp` and `client_id` are checked. Scopes `patient/`, `user/` and `system/`; a read needs `r` (v1 `read`), a search `s`. "
        + "A token with a `patient` claim (launch context) confines every request to that patient: a search naming another patient is 403, "
        + "a read of another patient's record is 404. A missing, expired or invalid token is 401 with `WWW-Authenticate: Bearer` "
        + "(`error=\"invalid_token\"`); a missing scope is 403 (`error=\"insufficient_scope\"`). After authorisation, each source "
        + "organisation's sharing choices apply (what it shares, and with which requesting organisations, from the token's "
        + "`organization` claim) and each patient's consent: dissent is 403 `NO_PATIENT_CONSENT`, a sensitive patient 404 "
        + "`PATIENT_NOT_FOUND`, confidential items are withheld with a `confidential-items` warning, and records an organisation "
        + "does not share are left out with a warning (a read of them is 403 `NO_ORGANISATION_CONSENT`).";

    /// <summary>The security component advertising <paramref name="authorize"/> and <paramref name="token"/>.</summary>
    public static CapabilityStatement.SecurityComponent Component(string authorize, string token, bool cors)
    {
        var oauthUris = new Extension(OAuthUrisExtension);
        oauthUris.Extension.Add(new Extension(AuthorizeUrl, new FhirUri(authorize)));
        oauthUris.Extension.Add(new Extension(TokenUrl, new FhirUri(token)));
        var security = new CapabilityStatement.SecurityComponent
        {
            Cors = cors,
            Service = [new CodeableConcept(ServiceSystem, SmartOnFhir, SmartOnFhir, "OAuth2 using the SMART on FHIR profile")],
            Description = Description,
        };
        security.Extension.Add(oauthUris);
        return security;
    }
}
