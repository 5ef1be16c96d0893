using Microsoft.Extensions.Options;

namespace FhirFacade.Server.DevAuthorization;

/// <summary>
/// Refuses to start the development issuer with a client it could not serve safely: no or a repeated
/// client id, a redirect URI that is neither https nor loopback (<see cref="DevRedirectUris"/>), a default
/// scope the client may not have, a launch URL that is neither absolute nor a path on this server.
/// </summary>
internal sealed class DevAuthorizationOptionsValidator : IValidateOptions<DevAuthorizationOptions>
{
    public ValidateOptionsResult Validate(string? name, DevAuthorizationOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        foreach (var duplicate in options.Clients.GroupBy(c => c.ClientId, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            failures.Add($"DevAuthorization:Clients: the client id '{duplicate.Key}' is registered more than once.");
        }

        foreach (var client in options.Clients)
        {
            if (string.IsNullOrWhiteSpace(client.ClientId))
            {
                failures.Add("DevAuthorization:Clients: a client has no ClientId.");
            }

            foreach (var uri in client.RedirectUris)
            {
                if (DevRedirectUris.ProblemWithRegistered(uri) is { } problem)
                {
                    failures.Add($"DevAuthorization: client '{client.ClientId}': the redirect URI '{uri}' {problem}.");
                }
            }

            foreach (var scope in client.DefaultScopes.Where(s => !client.AllowedScopes.Contains(s, StringComparer.Ordinal)))
            {
                failures.Add($"DevAuthorization: client '{client.ClientId}': the default scope '{scope}' is not among its AllowedScopes.");
            }

            if (client.LaunchUrl is { } launch && !IsLaunchUrl(launch))
            {
                failures.Add($"DevAuthorization: client '{client.ClientId}': LaunchUrl '{launch}' must be an absolute http(s) URL or a path on this server starting with '/'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsLaunchUrl(string launch) =>
        launch.StartsWith('/') ? !launch.StartsWith("//", StringComparison.Ordinal) && !launch.Contains('\\', StringComparison.Ordinal)
        : Uri.TryCreate(launch, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
