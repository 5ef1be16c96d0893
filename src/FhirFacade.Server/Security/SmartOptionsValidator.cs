using FhirFacade.Server.DevAuthorization;
using FhirFacade.Server.Hosting;
using Microsoft.Extensions.Options;

namespace FhirFacade.Server.Security;

/// <summary>
/// Checks the SMART settings at start-up. Without the development issuer, a real issuer and its keys
/// must be configured. With it, it must be the only issuer and may only front the embedded simulated
/// suppliers (<see cref="SimulatedSuppliers"/>, registered only by the demo host): the development issuer mints a token for anyone who knows its demo secrets, so a
/// configuration that reaches real GP systems or names a real issuer but leaves it switched on (it is
/// on in the demo host's settings) refuses to start instead of failing open. The token audience
/// must be known from configuration (<see cref="SmartServerUrls"/>): a real configuration that names
/// neither <c>Smart:Audience</c> nor <c>Facade:Server:PublicBaseUrl</c> refuses to start rather than
/// accept whatever audience the request's <c>Host</c> header implies.
/// </summary>
internal sealed class SmartOptionsValidator(
    IOptions<DevAuthorizationOptions> dev,
    bool simulatedSuppliers,
    IOptions<FacadeServerOptions> server,
    string? listenUrls) : IValidateOptions<SmartOptions>
{
    public ValidateOptionsResult Validate(string? name, SmartOptions options)
    {
        var failures = new List<string>();
        if (dev.Value.Enabled)
        {
            if (!string.IsNullOrWhiteSpace(options.Issuer) || options.JwksFile is not null || options.JwksUrl is not null)
            {
                failures.Add("DevAuthorization:Enabled is true while Smart:Issuer, Smart:JwksFile or Smart:JwksUrl names a real issuer: "
                    + "set DevAuthorization:Enabled=false wherever a real issuer is configured.");
            }

            if (!simulatedSuppliers)
            {
                failures.Add("DevAuthorization:Enabled is true while Facade:EmbeddedSimulators:Enabled is false (or the host has no simulated suppliers: "
                    + "only the demo host, src/FhirFacade.Demo, has them): the development issuer may only front the simulated suppliers. Set DevAuthorization:Enabled=false and configure Smart:Issuer and Smart:JwksUrl.");
            }
        }
        else
        {
            if (string.IsNullOrWhiteSpace(options.Issuer))
            {
                failures.Add("Smart:Issuer must name the token issuer (or enable DevAuthorization for local use).");
            }

            if (options.JwksFile is null && options.JwksUrl is null)
            {
                failures.Add("Smart:JwksFile or Smart:JwksUrl must give the issuer's signing keys.");
            }
        }

        if (!SmartServerUrls.TryResolve(options, server.Value, listenUrls, dev.Value.Enabled, out _, out var problem))
        {
            failures.Add(problem);
        }

        if (options.AllowedAlgorithms.Any(a => a is not ("RS256" or "ES256")))
        {
            failures.Add("Smart:AllowedAlgorithms may only contain RS256 and ES256.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
