using FhirFacade.Core.Errors;
using FhirFacade.Core.Location;
using FhirFacade.Core.Suppliers;
using System.Diagnostics;
using System.Globalization;
using FhirFacade.Fhir.Issues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirFacade.Core.Gateway;

/// <summary>
/// Runs one supplier call under the per-supplier timeout and turns every way it can fail into a
/// <see cref="SupplierFailure"/> plus an OperationOutcome issue naming the supplier and organisation
/// (never the exception text or supplier payload). A call that runs out of time while the facade's
/// own process was starved (<see cref="IProcessLoad"/>) is the facade's overload, not the supplier's
/// timeout, and is reported as such. Every call's duration and outcome goes to <see cref="GatewayMetrics"/>,
/// and each call is one span of <see cref="ActivitySourceName"/> (supplier, ODS code, what, outcome,
/// duration: codes only, never the patient's identifier, which is in the call but not in the span).
/// </summary>
public sealed class SupplierCallRunner(
    IOptions<GatewayOptions> options,
    IProcessLoad load,
    GatewayMetrics metrics,
    TimeProvider timeProvider,
    ILogger<SupplierCallRunner> logger)
{
    /// <summary>The issue code of a call cut short by the facade's own overload.</summary>
    public const string FacadeOverloadedCode = "FACADE-OVERLOADED";

    /// <summary>The <c>Retry-After</c> (seconds) of a 503 caused by the facade's own overload.</summary>
    public const int OverloadRetryAfterSeconds = 1;

    /// <summary>The <see cref="ActivitySource"/> of the supplier-call spans (exported by the server's telemetry when it is on).</summary>
    public const string ActivitySourceName = "FhirFacade.Gateway";

    /// <summary>Span tag names of a supplier call.</summary>
    public static class SpanTags
    {
        /// <summary>The supplier id (<c>emis</c>).</summary>
        public const string Supplier = "fhirfacade.supplier";

        /// <summary>The ODS code of the organisation whose system was called.</summary>
        public const string Organisation = "fhirfacade.organisation";

        /// <summary>What was asked (<c>search Condition</c>, <c>read Patient</c>, <c>holds-patient</c>).</summary>
        public const string Call = "fhirfacade.call";

        /// <summary>The outcome, as the <c>outcome</c> tag of <see cref="GatewayMetrics"/>.</summary>
        public const string Outcome = "fhirfacade.outcome";

        /// <summary>The call's duration in milliseconds.</summary>
        public const string DurationMs = "fhirfacade.duration_ms";
    }

    private static readonly ActivitySource Source = new(ActivitySourceName);

    private readonly GatewayOptions _options = options.Value;

    internal async Task<SupplierCallResult<T>> RunAsync<T>(
        ISupplierAdapter adapter,
        OrganisationEndpoint organisation,
        string what,
        Func<CancellationToken, Task<T>> call,
        CancellationToken cancellationToken)
    {
        // The span's name and tags are codes only: the call's arguments (an NHS number) never go on it.
        using var activity = Source.StartActivity("supplier " + what, ActivityKind.Internal);
        activity?.SetTag(SpanTags.Supplier, adapter.SupplierId);
        activity?.SetTag(SpanTags.Organisation, organisation.OdsCode);
        activity?.SetTag(SpanTags.Call, what);
        using var timeout = new CancellationTokenSource(_options.SupplierTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var started = timeProvider.GetTimestamp();
        var loadBefore = load.Read();
        try
        {
            var value = await call(linked.Token);
            var elapsed = timeProvider.GetElapsedTime(started);
            Log.SupplierCallSucceeded(logger, adapter.SupplierId, organisation.OdsCode, what, elapsed.TotalMilliseconds);
            Record(adapter.SupplierId, organisation.OdsCode, GatewayMetrics.Outcome.Success, elapsed);
            return new SupplierCallResult<T>(value, null, null);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // Either this call's own timeout or the request's overall budget ran out.
            var cause = timeout.IsCancellationRequested
                ? string.Create(CultureInfo.InvariantCulture, $"did not answer within {_options.SupplierTimeout.TotalSeconds:0.###} s")
                : "did not answer within the request's time budget";
            return TimedOut<T>(adapter, organisation, what, started, loadBefore, cause);
        }
        catch (SupplierException exception) when (exception.Kind == SupplierFailureKind.Timeout)
        {
            // The adapter's own attempt timeout: the same question, was it the supplier or the facade?
            return TimedOut<T>(adapter, organisation, what, started, loadBefore, Describe(SupplierFailureKind.Timeout));
        }
        catch (SupplierException exception)
        {
            return Failed<T>(adapter, organisation, what, started, exception.Kind, Describe(exception.Kind));
        }
        catch (HttpRequestException)
        {
            return Failed<T>(adapter, organisation, what, started, SupplierFailureKind.Unavailable, Describe(SupplierFailureKind.Unavailable));
        }
    }

    /// <summary>
    /// The issue for a failed supplier call. A refusal to share (<see cref="SupplierFailureKind.Refused"/>)
    /// is <c>suppressed</c> with the Spine code <c>NO_ORGANISATION_CONSENT</c>: the organisation decided, nothing broke.
    /// </summary>
    public static Issue FailureIssue(ISupplierAdapter adapter, OrganisationEndpoint organisation, SupplierFailureKind kind, string cause, IssueSeverity severity = IssueSeverity.Warning)
    {
        var issue = new Issue(
            "SUPPLIER-" + kind.ToString().ToUpperInvariant(),
            severity,
            kind switch
            {
                SupplierFailureKind.Timeout => IssueType.Timeout,
                SupplierFailureKind.Refused => IssueType.Suppressed,
                _ => IssueType.Transient,
            },
            $"{SupplierLabel(adapter, organisation)} {cause}; records held there are not included.");
        return kind == SupplierFailureKind.Refused
            ? issue with { Detail = new IssueDetail(SpineErrorCodes.System, SpineErrorCodes.NoOrganisationConsent, SpineErrorCodes.Display(SpineErrorCodes.NoOrganisationConsent)) }
            : issue;
    }

    /// <summary>"Name (ODS)" for messages.</summary>
    public static string OrganisationLabel(OrganisationEndpoint organisation) =>
        string.IsNullOrEmpty(organisation.Name) ? organisation.OdsCode : $"{organisation.Name} ({organisation.OdsCode})";

    /// <summary>"EMIS Web (emis) at Name (ODS)": how a supplier at an organisation is named in issue texts.</summary>
    public static string SupplierLabel(ISupplierAdapter adapter, OrganisationEndpoint organisation) =>
        $"{adapter.DisplayName} ({adapter.SupplierId}) at {OrganisationLabel(organisation)}";

    /// <summary>
    /// The issue for a call cut short by the facade's own overload: <c>throttled</c>, naming the supplier
    /// and organisation it could not wait for, and saying plainly that the supplier is not to blame.
    /// </summary>
    public static Issue OverloadIssue(ISupplierAdapter adapter, OrganisationEndpoint organisation, IssueSeverity severity = IssueSeverity.Warning) => new(
        FacadeOverloadedCode,
        severity,
        IssueType.Throttled,
        $"The facade was overloaded and could not wait for {SupplierLabel(adapter, organisation)}; this is not a failure of that system. Records held there are not included; try again shortly.");

    /// <summary>
    /// The exception for a request none of whose suppliers could answer: 403 when every one refused to
    /// share (docs/adr/0006-organisation-sharing-refusals.md); 503 with <c>Retry-After</c> when every
    /// call was cut short by the facade's own overload; 504 when the rest all ran out of time; else 502.
    /// </summary>
    public static FacadeException AllFailed(IReadOnlyList<SupplierFailure> failures, IReadOnlyList<Issue> issues)
    {
        var faults = failures.Where(f => f.Kind != SupplierFailureKind.Refused).ToList();
        if (failures.Count > 0 && faults.Count == 0)
        {
            return new FacadeException(403, [.. issues.Select(i => i with { Severity = IssueSeverity.Error, Type = i.Type == IssueType.Suppressed ? IssueType.Forbidden : i.Type })]);
        }

        var errors = issues.Select(i => i with { Severity = IssueSeverity.Error }).ToList();
        if (faults.Count > 0 && faults.All(f => f.Kind == SupplierFailureKind.FacadeOverloaded))
        {
            var overloaded = new FacadeException(503, errors);
            overloaded.Headers["Retry-After"] = OverloadRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return overloaded;
        }

        var status = faults.Count > 0 && faults.All(f => f.Kind is SupplierFailureKind.Timeout or SupplierFailureKind.FacadeOverloaded) ? 504 : 502;
        return new FacadeException(status, errors);
    }

    // The call's metric, and its span's outcome (the span is the current activity: these run inside RunAsync).
    private void Record(string supplier, string organisation, string outcome, TimeSpan elapsed)
    {
        metrics.RecordCall(supplier, organisation, outcome, elapsed);
        if (Activity.Current is { } activity && ReferenceEquals(activity.Source, Source))
        {
            activity.SetTag(SpanTags.Outcome, outcome);
            activity.SetTag(SpanTags.DurationMs, Math.Round(elapsed.TotalMilliseconds, 1));
            activity.SetStatus(outcome == GatewayMetrics.Outcome.Success ? ActivityStatusCode.Ok : ActivityStatusCode.Error, outcome == GatewayMetrics.Outcome.Success ? null : outcome);
        }
    }

    private static string Describe(SupplierFailureKind kind) => kind switch
    {
        SupplierFailureKind.Timeout => "did not answer in time",
        SupplierFailureKind.Malformed => "answered with data the facade could not read",
        SupplierFailureKind.Unauthorized => "refused the facade's credentials",
        SupplierFailureKind.Refused => "does not share records with third parties (its third-party sharing is switched off)",
        _ => "could not be reached or answered with an error",
    };

    private static string OutcomeTag(SupplierFailureKind kind) => kind switch
    {
        SupplierFailureKind.FacadeOverloaded => GatewayMetrics.Outcome.FacadeOverloaded,
        _ => kind.ToString().ToLowerInvariant(),
    };

    private SupplierCallResult<T> TimedOut<T>(ISupplierAdapter adapter, OrganisationEndpoint organisation, string what, long started, ProcessLoad loadBefore, string cause)
    {
        var elapsed = timeProvider.GetElapsedTime(started);
        var loadAfter = load.Read();
        if (!ProcessLoad.Overloaded(loadBefore, loadAfter, elapsed, _options))
        {
            return Failed<T>(adapter, organisation, what, started, SupplierFailureKind.Timeout, cause);
        }

        Log.SupplierCallStarved(
            logger,
            adapter.SupplierId,
            organisation.OdsCode,
            what,
            (loadAfter.ThreadPoolWait - loadBefore.ThreadPoolWait).TotalMilliseconds,
            (loadAfter.CpuWait - loadBefore.CpuWait).TotalMilliseconds,
            elapsed.TotalMilliseconds);
        Record(adapter.SupplierId, organisation.OdsCode, GatewayMetrics.Outcome.FacadeOverloaded, elapsed);
        return new(default, new SupplierFailure(adapter.SupplierId, organisation.OdsCode, SupplierFailureKind.FacadeOverloaded), OverloadIssue(adapter, organisation));
    }

    private SupplierCallResult<T> Failed<T>(ISupplierAdapter adapter, OrganisationEndpoint organisation, string what, long started, SupplierFailureKind kind, string cause)
    {
        Log.SupplierCallFailed(logger, adapter.SupplierId, organisation.OdsCode, what, kind.ToString());
        Record(adapter.SupplierId, organisation.OdsCode, OutcomeTag(kind), timeProvider.GetElapsedTime(started));
        return new(default, new SupplierFailure(adapter.SupplierId, organisation.OdsCode, kind), FailureIssue(adapter, organisation, kind, cause));
    }
}
