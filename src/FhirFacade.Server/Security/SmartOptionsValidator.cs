using FhirFacade.Server.DevAuthorization;
using Microsoft.Extensions.Options;

namespace FhirFacade.Server.Security;

/// <summary>Fails start-up when production security is not configured (no silent open server).</summary>
internal sealed class SmartOptionsValidator(IOptions<DevAuthorizationOptions> dev) : IValidateOptions<SmartOptions>
{
    public ValidateOptionsResult Validate(string? name, SmartOptions options)
    {
        if (dev.Value.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            failures.Add("Smart:Issuer must name the token issuer (or enable DevAuthorization for local use).");
        }

        if (options.JwksFile is null && options.JwksUrl is null)
        {
            failures.Add("Smart:JwksFile or Smart:JwksUrl must give the issuer's signing keys.");
        }

        if (options.AllowedAlgorithms.Any(a => a is not ("RS256" or "ES256")))
        {
            failures.Add("Smart:AllowedAlgorithms may only contain RS256 and ES256.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
