using Microsoft.Extensions.Options;

namespace FhirFacade.Core.Location;

/// <summary>Checks the directory at start-up: unique ODS codes, a supplier and an endpoint for each.</summary>
internal sealed class OrganisationDirectoryOptionsValidator : IValidateOptions<OrganisationDirectoryOptions>
{
    public ValidateOptionsResult Validate(string? name, OrganisationDirectoryOptions options)
    {
        var failures = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var organisation in options.Organisations)
        {
            if (string.IsNullOrWhiteSpace(organisation.OdsCode) || !seen.Add(organisation.OdsCode))
            {
                failures.Add($"Facade:Organisations: missing or duplicate OdsCode '{organisation.OdsCode}'.");
            }

            if (string.IsNullOrWhiteSpace(organisation.Supplier))
            {
                failures.Add($"Facade:Organisations: organisation '{organisation.OdsCode}' has no Supplier.");
            }

            if (organisation.Endpoint is null || !organisation.Endpoint.IsAbsoluteUri)
            {
                failures.Add($"Facade:Organisations: organisation '{organisation.OdsCode}' needs an absolute Endpoint.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
