using FhirFacade.Core.Access;
using FhirFacade.Core.Errors;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Location;
using FhirFacade.Core.Merging;
using FhirFacade.Core.Search;
using FhirFacade.Core.Sharing;
using FhirFacade.Core.Suppliers;
using FhirFacade.Core.Validation;
using FhirFacade.Fhir.Issues;
using Microsoft.Extensions.Logging;

namespace FhirFacade.Core.Gateway;

/// <summary>
/// The gateway: locates the holders of a patient's record, fans out to them in parallel (each call
/// with its own timeout inside the request's budget), drops anything that is not this patient's,
/// applies the criteria a supplier could not, validates under the policy, and merges in a
/// deterministic order (organisation ODS code, then the supplier's order). Partial failures become
/// issues; when nothing could answer, 502 or 504.
/// </summary>
public sealed class FhirGateway(
    SupplierAdapterRegistry adapters,
    IOrganisationDirectory directory,
    IRecordLocator locator,
    SupplierCallRunner runner,
    ResourceValidationStep validation,
    ResourceMerger merger,
    IAccessPolicy access,
    SharingPolicy sharing,
    ResourceIdCodec ids,
    TimeProvider timeProvider,
    ILogger<FhirGateway> logger)
{
    /// <summary>Runs a search across every holder; the result is unpaged.</summary>
    public async Task<GatewaySearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await access.AuthorizeAsync(new AccessRequest("search-type", request.ResourceType, null, request), cancellationToken);
        var issues = new List<Issue>();
        if (request.MatchesNothing)
        {
            return new GatewaySearchResult([], [], issues, []);
        }

        using var budget = runner.StartBudget(cancellationToken);
        var location = await LocateAsync(request, budget.Token);
        issues.AddRange(location.Issues);
        var holders = location.Holders
            .Where(h => h.Adapter.Capabilities.Any(c => c.ResourceType == request.ResourceType && c.Search))
            .OrderBy(h => h.Organisation.OdsCode, StringComparer.Ordinal)
            .ThenBy(h => h.Adapter.SupplierId, StringComparer.Ordinal)
            .ToList();
        var refused = sharing.Withhold(holders, request.ResourceType, issues);
        var calls = await Task.WhenAll(holders.Select(h => runner.RunAsync(
            h.Adapter,
            h.Organisation,
            "search " + request.ResourceType,
            ct => h.Adapter.SearchAsync(h.Organisation, new SupplierQuery(request, h.Patient), ct),
            budget.Token)));

        var failures = location.Failures.ToList();
        var matches = new List<GatewayResource>();
        var included = new List<GatewayResource>();
        var medications = new List<SupplierResource>();
        var now = timeProvider.GetUtcNow();
        var succeeded = 0;
        for (var i = 0; i < holders.Count; i++)
        {
            var holder = holders[i];
            var call = calls[i];
            if (!call.Succeeded)
            {
                failures.Add(call.Failure!);
                issues.Add(call.Issue!);
                continue;
            }

            succeeded++;
            var result = call.Value!;
            issues.AddRange(result.Issues);
            if (result.PatientNotHeld)
            {
                NotHeld(issues, holder, request.ResourceType);
                continue;
            }

            var native = holder.Adapter.Capabilities.First(c => c.ResourceType == request.ResourceType).NativeSearchParameters;
            foreach (var resource in result.Matches)
            {
                if (!BelongsToPatient(resource, holder.Patient))
                {
                    Withheld(issues, resource, holder, PatientMismatch.Code, IssueType.Processing, PatientMismatch.Reason);
                    continue;
                }

                if (!request.Criteria.All(c => native.Contains(c.Parameter.Name) || SearchMatcher.Matches(resource.Resource, c, now)))
                {
                    continue;
                }

                if (Release(resource, holder, issues))
                {
                    matches.Add(new GatewayResource(resource, holder.Adapter.SupplierId, holder.Organisation.OdsCode));
                }
            }

            foreach (var resource in result.Included)
            {
                // The same backstop as for the matches: a resource attributed to another patient is never merged or
                // released. One that names no patient (a Medication need not) is kept, as before.
                if (!BelongsToPatientOrUnknown(resource, holder.Patient))
                {
                    if (request.IncludesMedication)
                    {
                        Withheld(issues, resource, holder, PatientMismatch.Code, IssueType.Processing, PatientMismatch.Reason);
                    }

                    continue;
                }

                if (resource.ResourceType == FhirResourceTypes.Medication)
                {
                    medications.Add(resource);
                }

                // Adapters return the medications of every statement (the merge keys them by dm+d code); only an _include releases them.
                if (request.IncludesMedication && Release(resource, holder, issues))
                {
                    included.Add(new GatewayResource(resource, holder.Adapter.SupplierId, holder.Organisation.OdsCode));
                }
            }
        }

        // A supplier's refusal to share is an answer, not a fault: reported, never turned into 502 (ADR 0006).
        if (succeeded == 0 && failures.Any(f => f.Kind != SupplierFailureKind.Refused))
        {
            throw SupplierCallRunner.AllFailed(failures, issues);
        }

        if (holders.Count == 0 && refused == 0 && failures.Count == 0 && request.ResourceType != FhirResourceTypes.Patient && request.Patient is not null)
        {
            issues.Add(new Issue("LOCATE-NONE", IssueSeverity.Information, IssueType.NotFound, "No organisation the facade can reach holds a record for this patient."));
        }

        var consulted = holders.Select(h => h.Adapter.SupplierId + "/" + h.Organisation.OdsCode).ToList();
        return new GatewaySearchResult(merger.Merge(matches, medications, issues), included, issues, consulted);
    }

    /// <summary>
    /// Reads one resource by facade id; 404 when the id is not one the facade issued for this type, names a record
    /// the caller may not read (the same answer, before any supplier is asked), or the supplier has no such record.
    /// </summary>
    public async Task<GatewayReadResult> ReadAsync(string resourceType, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resourceType);
        if (!ids.TryDecode(resourceType, id, out var decoded)
            || !adapters.TryGet(decoded.Supplier, out var adapter)
            || !directory.TryGet(decoded.Organisation, out var organisation)
            || !string.Equals(organisation.Supplier, adapter.SupplierId, StringComparison.OrdinalIgnoreCase)
            || !adapter.Capabilities.Any(c => c.ResourceType == resourceType)
            || !access.MayRead(resourceType, decoded))
        {
            throw NotFound(resourceType, id);
        }

        await access.AuthorizeAsync(new AccessRequest("read", resourceType, decoded, null), cancellationToken);
        sharing.EnsureMayRead(organisation, resourceType);
        using var budget = runner.StartBudget(cancellationToken);
        var call = await runner.RunAsync(adapter, organisation, "read " + resourceType, ct => adapter.ReadAsync(organisation, resourceType, decoded.NativeId, ct), budget.Token);
        if (!call.Succeeded)
        {
            throw SupplierCallRunner.AllFailed([call.Failure!], [call.Issue!]);
        }

        var resource = call.Value!.Resource;
        if (call.Value.AskedAbout is { } askedAbout && IsAboutAnotherPatient(call.Value, askedAbout))
        {
            // The only source answered about someone else: nothing can be shown, and it is a supplier fault, not "no such record".
            Log.ResourceWithheld(logger, resourceType, adapter.SupplierId, organisation.OdsCode, PatientMismatch.Code);
            throw new FacadeException(502, new Issue(PatientMismatch.Code, IssueSeverity.Error, IssueType.Processing, $"A {resourceType} from {Label(adapter, organisation)} {PatientMismatch.Reason} and was withheld."));
        }

        if (resource is null || resource.ResourceType != resourceType || !access.MayRelease(resource, adapter.SupplierId, organisation.OdsCode))
        {
            throw NotFound(resourceType, id);
        }

        var issues = call.Value.Issues.ToList();
        if (!validation.Check(resource, adapter.SupplierId, organisation.OdsCode, Label(adapter, organisation), issues))
        {
            throw new FacadeException(502, [.. issues]);
        }

        return new GatewayReadResult(new GatewayResource(resource, adapter.SupplierId, organisation.OdsCode), issues);
    }

    private static FacadeException NotFound(string resourceType, string id) => resourceType == FhirResourceTypes.Patient
        ? FacadeException.PatientNotFound($"No Patient with id '{Truncate(id)}'.")
        : FacadeException.NoRecordFound($"No {resourceType} with id '{Truncate(id)}'.");

    private static string Truncate(string id) => id.Length <= 64 ? id : id[..64] + "…";

    private static bool BelongsToPatient(SupplierResource resource, PatientSelector selector)
    {
        if (selector.NhsNumber is { } nhsNumber)
        {
            return string.Equals(resource.PatientNhsNumber, nhsNumber.Value, StringComparison.Ordinal);
        }

        if (selector.NativePatientId is { } nativeId)
        {
            return string.Equals(resource.PatientNativeId, nativeId, StringComparison.Ordinal);
        }

        return true;
    }

    private static bool IsAboutAnotherPatient(SupplierReadResult read, PatientSelector askedAbout) => read.Resource is { } resource
        ? !BelongsToPatient(resource, askedAbout)
        : read.RecordNhsNumber is { } recordNhsNumber && askedAbout.NhsNumber is { } nhsNumber && !string.Equals(recordNhsNumber, nhsNumber.Value, StringComparison.Ordinal);

    /// <summary>A medication carries its patient only when the supplier says so; when it does, it must be this patient.</summary>
    private static bool BelongsToPatientOrUnknown(SupplierResource resource, PatientSelector selector) =>
        (resource.PatientNhsNumber is null && resource.PatientNativeId is null) || BelongsToPatient(resource, selector);

    private static string Label(ISupplierAdapter adapter, OrganisationEndpoint organisation) =>
        $"{adapter.DisplayName} ({adapter.SupplierId}) at {SupplierCallRunner.OrganisationLabel(organisation)}";

    private async Task<RecordLocation> LocateAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        if (request.Patient?.NhsNumber is { } nhsNumber)
        {
            return await locator.LocateAsync(nhsNumber, cancellationToken);
        }

        if (request.Patient?.PatientId is { } patientId)
        {
            // A facade Patient id names one organisation's record of the patient.
            if (adapters.TryGet(patientId.Supplier, out var adapter)
                && directory.TryGet(patientId.Organisation, out var organisation)
                && string.Equals(organisation.Supplier, adapter.SupplierId, StringComparison.OrdinalIgnoreCase))
            {
                return new RecordLocation([new RecordHolder(organisation, adapter, new PatientSelector(null, patientId.NativeId))], [], []);
            }

            return new RecordLocation([], [], []);
        }

        // A demographic Patient search (family + birthdate) asks every organisation.
        var holders = directory.All
            .Select(o => (Organisation: o, Adapter: adapters.TryGet(o.Supplier, out var a) ? a : null))
            .Where(c => c.Adapter is not null)
            .Select(c => new RecordHolder(c.Organisation, c.Adapter!, PatientSelector.Demographic))
            .ToList();
        return new RecordLocation(holders, [], []);
    }

    private bool Release(SupplierResource resource, RecordHolder holder, List<Issue> issues)
    {
        if (!access.MayRelease(resource, holder.Adapter.SupplierId, holder.Organisation.OdsCode))
        {
            return false;
        }

        return validation.Check(resource, holder.Adapter.SupplierId, holder.Organisation.OdsCode, Label(holder.Adapter, holder.Organisation), issues);
    }

    /// <summary>
    /// A listed holder said it has no record for the patient: reported by supplier and ODS code, and the cached
    /// location forgotten so the next request asks every organisation again instead of repeating the stale answer.
    /// </summary>
    private void NotHeld(List<Issue> issues, RecordHolder holder, string resourceType)
    {
        Log.HolderHasNoRecord(logger, holder.Adapter.SupplierId, holder.Organisation.OdsCode, resourceType);
        issues.Add(HolderNotFound.Warning(holder.Adapter, holder.Organisation));
        if (holder.Patient.NhsNumber is { } nhsNumber)
        {
            locator.Forget(nhsNumber);
        }
    }

    private void Withheld(List<Issue> issues, SupplierResource resource, RecordHolder holder, string code, IssueType type, string reason)
    {
        Log.ResourceWithheld(logger, resource.ResourceType, holder.Adapter.SupplierId, holder.Organisation.OdsCode, code);
        issues.Add(new Issue(code, IssueSeverity.Warning, type, $"A {resource.ResourceType} from {Label(holder.Adapter, holder.Organisation)} {reason} and was withheld."));
    }
}
