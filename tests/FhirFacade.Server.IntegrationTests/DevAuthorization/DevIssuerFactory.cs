using FhirFacade.Server.IntegrationTests.Infrastructure;

namespace FhirFacade.Server.IntegrationTests.DevAuthorization;

/// <summary>
/// The in-memory facade with the embedded default's clients (appsettings.json) and two more for the
/// rules those do not exercise: a confidential client with no default scopes, and a public client
/// registered only with an https redirect URI and an absolute launch URL.
/// </summary>
public sealed class DevIssuerFactory : FacadeServerFactory
{
    public const string NoDefaultsClient = "no-defaults";
    public const string NoDefaultsSecret = "no-defaults-secret";
    public const string HttpsApp = "https-app";
    public const string HttpsRedirect = "https://app.example.org/cb";
    public const string HttpsAppUser = "Practitioner/https-app-user";

    protected override Dictionary<string, string?> Settings => new()
    {
        ["DevAuthorization:Clients:3:ClientId"] = NoDefaultsClient,
        ["DevAuthorization:Clients:3:ClientSecret"] = NoDefaultsSecret,
        ["DevAuthorization:Clients:3:AllowedScopes:0"] = "user/*.rs",
        ["DevAuthorization:Clients:4:ClientId"] = HttpsApp,
        ["DevAuthorization:Clients:4:FhirUser"] = HttpsAppUser,
        ["DevAuthorization:Clients:4:AllowedScopes:0"] = "launch",
        ["DevAuthorization:Clients:4:AllowedScopes:1"] = "launch/patient",
        ["DevAuthorization:Clients:4:AllowedScopes:2"] = "patient/*.rs",
        ["DevAuthorization:Clients:4:AllowedScopes:3"] = "openid",
        ["DevAuthorization:Clients:4:AllowedScopes:4"] = "fhirUser",
        ["DevAuthorization:Clients:4:RedirectUris:0"] = HttpsRedirect,
        ["DevAuthorization:Clients:4:LaunchUrl"] = "https://app.example.org/launch?x=1",
    };
}
