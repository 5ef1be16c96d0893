using FhirFacade.Core.Sharing;
using FhirFacade.Core.Suppliers;
using Microsoft.Extensions.Options;

namespace FhirFacade.Core.Location;

/// <summary>Checks the directory at start-up: unique ODS codes, a supplier and an endpoint for each, and sharing rules naming only known areas and real ODS codes.</summary>
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

            ValidateSharing(organisation, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateSharing(OrganisationEndpoint organisation, List<string> failures)
    {
        if (organisation.Sharing is not { } sharing)
        {
            failures.Add($"Facade:Organisations: organisation '{organisation.OdsCode}' has an empty Sharing section; leave it out to share everything.");
            return;
        }

        foreach (var area in sharing.Areas ?? [])
        {
            if (!RecordAreas.IsKnown(area))
            {
                failures.Add($"Facade:Organisations: organisation '{organisation.OdsCode}' Sharing:Areas names '{area}', which is not a record area (use {string.Join(", ", RecordAreas.All)}).");
            }
        }

        foreach (var requester in sharing.RequestingOrganisations ?? [])
        {
            if (string.IsNullOrWhiteSpace(requester) || requester.Trim().Length != requester.Length)
            {
                failures.Add($"Facade:Organisations: organisation '{organisation.OdsCode}' Sharing:RequestingOrganisations holds a blank or padded ODS code '{requester}'.");
            }
        }
    }
}
