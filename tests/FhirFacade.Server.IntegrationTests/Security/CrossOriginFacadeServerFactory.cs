using FhirFacade.Server.IntegrationTests.Infrastructure;

namespace FhirFacade.Server.IntegrationTests.Security;

/// <summary>The in-memory facade configured as production would be for one browser app: one allowed origin, loopback off.</summary>
public sealed class CrossOriginFacadeServerFactory : FacadeServerFactory
{
    public const string AllowedOrigin = "https://app.example.nhs.uk";

    protected override Dictionary<string, string?> Settings => new()
    {
        ["Facade:Cors:AllowLoopbackOrigins"] = "false",
        ["Facade:Cors:AllowedOrigins:0"] = AllowedOrigin + "/",
        ["Facade:Cors:PreflightMaxAgeSeconds"] = "300",
    };
}
