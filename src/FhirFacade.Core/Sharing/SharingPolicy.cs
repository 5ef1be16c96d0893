using FhirFacade.Core.Location;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;
using Microsoft.Extensions.Logging;

namespace FhirFacade.Core.Sharing;

/// <summary>
/// Applies each source organisation's configured sharing choices (<see cref="OrganisationSharingOptions"/>)
/// before any supplier is called: an organisation that shares nothing, not with the requesting
/// organisation, or not the record area asked for, is not called at all. Searches leave it out with a
/// warning naming it and the reason; reads of its records are refused with 403
/// (docs/adr/0006-organisation-sharing-refusals.md). Refusals a supplier reports itself arrive as
/// <see cref="SupplierFailureKind.Refused"/> and issues from its adapter, not through here.
/// </summary>
public sealed class SharingPolicy(IRequestingOrganisation requester, ILogger<SharingPolicy> logger)
{
    /// <summary>The refusal issue when <paramref name="organisation"/> does not share <paramref name="resourceType"/> with this requester; <see langword="null"/> when it does.</summary>
    public Issue? Refusal(OrganisationEndpoint organisation, string resourceType)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var rules = organisation.Sharing;
        if (!rules.Enabled)
        {
            return SharingIssues.Refused(organisation);
        }

        var requesting = requester.OdsCode;
        if (rules.RequestingOrganisations is { Count: > 0 } allowed
            && (requesting is null || !allowed.Contains(requesting, StringComparer.OrdinalIgnoreCase)))
        {
            return SharingIssues.RequesterRefused(organisation, requesting);
        }

        return RecordAreas.Of(resourceType) is { } area && rules.Areas is { Count: > 0 } areas && !areas.Contains(area, StringComparer.OrdinalIgnoreCase)
            ? SharingIssues.AreaWithheld(organisation, area)
            : null;
    }

    /// <summary>Removes the holders that do not share <paramref name="resourceType"/> with this requester, adding one issue for each; returns how many were removed.</summary>
    public int Withhold(List<RecordHolder> holders, string resourceType, List<Issue> issues)
    {
        ArgumentNullException.ThrowIfNull(holders);
        ArgumentNullException.ThrowIfNull(issues);
        return holders.RemoveAll(holder =>
        {
            if (Refusal(holder.Organisation, resourceType) is not { } refusal)
            {
                return false;
            }

            Log.SharingRefused(logger, holder.Adapter.SupplierId, holder.Organisation.OdsCode, resourceType, refusal.Code);
            issues.Add(refusal);
            return true;
        });
    }

    /// <summary>Throws 403 when <paramref name="organisation"/> does not share <paramref name="resourceType"/> with this requester.</summary>
    public void EnsureMayRead(OrganisationEndpoint organisation, string resourceType)
    {
        if (Refusal(organisation, resourceType) is { } refusal)
        {
            Log.SharingRefused(logger, organisation.Supplier, organisation.OdsCode, resourceType, refusal.Code);
            throw SharingIssues.Forbidden(refusal);
        }
    }
}
