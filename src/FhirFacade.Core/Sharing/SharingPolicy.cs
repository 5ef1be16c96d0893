using System.Collections.Immutable;
using FhirFacade.Core.Gateway;
using FhirFacade.Core.Gateway.Steps;
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
/// <see cref="SupplierFailureKind.Refused"/> and issues from its adapter, not through here. The requesting
/// organisation is the one the request's <see cref="RequestContext"/> names.
/// </summary>
public sealed class SharingPolicy(ILogger<SharingPolicy> logger)
{
    /// <summary>The refusal issue when <paramref name="organisation"/> does not share <paramref name="resourceType"/> with the requesting organisation of <paramref name="context"/>; <see langword="null"/> when it does.</summary>
    public static Issue? Refusal(RequestContext context, OrganisationEndpoint organisation, string resourceType)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(organisation);
        var rules = organisation.Sharing;
        if (!rules.Enabled)
        {
            return SharingIssues.Refused(organisation);
        }

        var requesting = context.RequestingOrganisation;
        if (rules.RequestingOrganisations is { Count: > 0 } allowed
            && (requesting is null || !allowed.Contains(requesting, StringComparer.OrdinalIgnoreCase)))
        {
            return SharingIssues.RequesterRefused(organisation, requesting);
        }

        return RecordAreas.Of(resourceType) is { } area && rules.Areas is { Count: > 0 } areas && !areas.Contains(area, StringComparer.OrdinalIgnoreCase)
            ? SharingIssues.AreaWithheld(organisation, area)
            : null;
    }

    /// <summary>
    /// The holders that share <paramref name="resourceType"/> with the requesting organisation of <paramref name="context"/>,
    /// in their order, with one refusal issue for each holder left out (in the same order).
    /// </summary>
    internal StepResult<ImmutableArray<RecordHolder>> Share(RequestContext context, IReadOnlyList<RecordHolder> holders, string resourceType)
    {
        ArgumentNullException.ThrowIfNull(holders);
        var shared = ImmutableArray.CreateBuilder<RecordHolder>(holders.Count);
        var refusals = ImmutableArray.CreateBuilder<Issue>();
        foreach (var holder in holders)
        {
            if (Refusal(context, holder.Organisation, resourceType) is not { } refusal)
            {
                shared.Add(holder);
                continue;
            }

            Log.SharingRefused(logger, holder.Adapter.SupplierId, holder.Organisation.OdsCode, resourceType, refusal.Code);
            refusals.Add(refusal);
        }

        return new(shared.ToImmutable(), refusals.ToImmutable());
    }

    /// <summary>Throws 403 when <paramref name="organisation"/> does not share <paramref name="resourceType"/> with the requesting organisation of <paramref name="context"/>.</summary>
    public void EnsureMayRead(RequestContext context, OrganisationEndpoint organisation, string resourceType)
    {
        if (Refusal(context, organisation, resourceType) is { } refusal)
        {
            Log.SharingRefused(logger, organisation.Supplier, organisation.OdsCode, resourceType, refusal.Code);
            throw SharingIssues.Forbidden(refusal);
        }
    }
}
