using FhirFacade.Core.Access;
using System.Collections.Immutable;
using FhirFacade.Core.Errors;
using FhirFacade.Core.Gateway.Steps;
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
/// issues; when nothing could answer, 502 or 504. A search is the named steps in <c>Gateway/Steps</c>, run in
/// order, each returning its value with its issues; every call is given the request's <see cref="RequestContext"/>
/// (caller, correlation id, budget) and reads no ambient state.
/// </summary>
public sealed class FhirGateway
{
    private readonly SupplierAdapterRegistry _adapters;
    private readonly IOrganisationDirectory _directory;
    private readonly SupplierCallRunner _runner;
    private readonly ResourceValidationStep _validation;
    private readonly ResourceMerger _merger;
    private readonly IAccessPolicy _access;
    private readonly SharingPolicy _sharing;
    private readonly ResourceIdCodec _ids;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<FhirGateway> _logger;
    private readonly LocateStep _locate;
    private readonly FanOutStep _fanOut;
    private readonly ScreenStep _screen;

    public FhirGateway(
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
        _adapters = adapters;
        _directory = directory;
        _runner = runner;
        _validation = validation;
        _merger = merger;
        _access = access;
        _sharing = sharing;
        _ids = ids;
        _timeProvider = timeProvider;
        _logger = logger;
        _locate = new LocateStep(adapters, directory, locator);
        _fanOut = new FanOutStep(runner);
        _screen = new ScreenStep(access, validation, locator, logger);
    }

    /// <summary>Runs a search across every holder; the result is unpaged.</summary>
    public async Task<GatewaySearchResult> SearchAsync(RequestContext context, SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        await _access.AuthorizeAsync(context, new AccessRequest("search-type", request.ResourceType, null, request), cancellationToken);
        if (request.MatchesNothing)
        {
            return new GatewaySearchResult([], [], [], []);
        }

        using var budget = context.StartBudget(cancellationToken);
        var located = await _locate.RunAsync(request, budget.Token);
        var shared = _sharing.Share(context, located.Value.Holders, request.ResourceType);
        var answers = await _fanOut.RunAsync(shared.Value, request, budget.Token);
        var screened = _screen.Run(context, request, answers, _timeProvider.GetUtcNow());
        ImmutableArray<Issue> issues = [.. located.Issues, .. shared.Issues, .. screened.Issues];
        ImmutableArray<SupplierFailure> failures = [.. located.Value.Failures, .. screened.Value.Failures];
        var outcome = SearchOutcome.Check(request, shared.Value.Length, shared.Issues.Length, screened.Value.Answered, failures, issues);
        var merged = MergeStep.Run(_merger, screened.Value.Matches, screened.Value.Medications);
        var consulted = shared.Value.Select(h => h.Adapter.SupplierId + "/" + h.Organisation.OdsCode).ToList();
        return new GatewaySearchResult(merged.Value, screened.Value.Included, [.. issues, .. outcome, .. merged.Issues], consulted);
    }

    /// <summary>
    /// Reads one resource by facade id; 404 when the id is not one the facade issued for this type, names a record
    /// the caller may not read (the same answer, before any supplier is asked), or the supplier has no such record.
    /// </summary>
    public async Task<GatewayReadResult> ReadAsync(RequestContext context, string resourceType, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resourceType);
        if (!_ids.TryDecode(resourceType, id, out var decoded)
            || !_adapters.TryGet(decoded.Supplier, out var adapter)
            || !_directory.TryGet(decoded.Organisation, out var organisation)
            || !string.Equals(organisation.Supplier, adapter.SupplierId, StringComparison.OrdinalIgnoreCase)
            || !adapter.Capabilities.Any(c => c.ResourceType == resourceType)
            || !_access.MayRead(context, resourceType, decoded))
        {
            throw NotFound(resourceType, id);
        }

        await _access.AuthorizeAsync(context, new AccessRequest("read", resourceType, decoded, null), cancellationToken);
        _sharing.EnsureMayRead(context, organisation, resourceType);
        using var budget = context.StartBudget(cancellationToken);
        var call = await _runner.RunAsync(adapter, organisation, "read " + resourceType, ct => adapter.ReadAsync(organisation, resourceType, decoded.NativeId, ct), budget.Token);
        if (!call.Succeeded)
        {
            throw SupplierCallRunner.AllFailed([call.Failure!], [call.Issue!]);
        }

        var resource = call.Value!.Resource;
        if (call.Value.AskedAbout is { } askedAbout && PatientScreen.IsAboutAnotherPatient(call.Value, askedAbout))
        {
            // The only source answered about someone else: nothing can be shown, and it is a supplier fault, not "no such record".
            Log.ResourceWithheld(_logger, resourceType, adapter.SupplierId, organisation.OdsCode, PatientMismatch.Code);
            throw new FacadeException(502, new Issue(PatientMismatch.Code, IssueSeverity.Error, IssueType.Processing, $"A {resourceType} from {SupplierCallRunner.SupplierLabel(adapter, organisation)} {PatientMismatch.Reason} and was withheld."));
        }

        if (resource is null || resource.ResourceType != resourceType || !_access.MayRelease(context, resource, adapter.SupplierId, organisation.OdsCode))
        {
            throw NotFound(resourceType, id);
        }

        var validated = ValidateStep.Run(_validation, resource, adapter, organisation);
        IReadOnlyList<Issue> issues = [.. call.Value.Issues, .. validated.Issues];
        if (!validated.Value)
        {
            throw new FacadeException(502, [.. issues]);
        }

        return new GatewayReadResult(new GatewayResource(resource, adapter.SupplierId, organisation.OdsCode), issues);
    }

    private static FacadeException NotFound(string resourceType, string id) => resourceType == FhirResourceTypes.Patient
        ? FacadeException.PatientNotFound($"No Patient with id '{Truncate(id)}'.")
        : FacadeException.NoRecordFound($"No {resourceType} with id '{Truncate(id)}'.");

    private static string Truncate(string id) => id.Length <= 64 ? id : id[..64] + "…";
}
