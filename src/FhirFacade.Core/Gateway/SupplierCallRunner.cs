using FhirFacade.Core.Errors;
using FhirFacade.Core.Location;
using FhirFacade.Core.Suppliers;
using System.Globalization;
using FhirFacade.Fhir.Issues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirFacade.Core.Gateway;

/// <summary>
/// Runs one supplier call under the per-supplier timeout and turns every way it can fail into a
/// <see cref="SupplierFailure"/> plus an OperationOutcome issue naming the supplier and organisation
/// (never the exception text or supplier payload).
/// </summary>
public sealed class SupplierCallRunner(IOptions<GatewayOptions> options, TimeProvider timeProvider, ILogger<SupplierCallRunner> logger)
{
    private readonly GatewayOptions _options = options.Value;

    /// <summary>Creates the token source bounding a whole request's supplier work.</summary>
    public CancellationTokenSource StartBudget(CancellationToken cancellationToken)
    {
        var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(_options.OverallBudget);
        return budget;
    }

    internal async Task<SupplierCallResult<T>> RunAsync<T>(
        ISupplierAdapter adapter,
        OrganisationEndpoint organisation,
        string what,
        Func<CancellationToken, Task<T>> call,
        CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.SupplierTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var started = timeProvider.GetTimestamp();
        try
        {
            var value = await call(linked.Token);
            Log.SupplierCallSucceeded(logger, adapter.SupplierId, organisation.OdsCode, what, timeProvider.GetElapsedTime(started).TotalMilliseconds);
            return new SupplierCallResult<T>(value, null, null);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // Either this call's own timeout or the request's overall budget ran out.
            var cause = timeout.IsCancellationRequested
                ? string.Create(CultureInfo.InvariantCulture, $"did not answer within {_options.SupplierTimeout.TotalSeconds:0.###} s")
                : "did not answer within the request's time budget";
            Log.SupplierCallFailed(logger, adapter.SupplierId, organisation.OdsCode, what, nameof(SupplierFailureKind.Timeout));
            return Failed<T>(adapter, organisation, SupplierFailureKind.Timeout, cause);
        }
        catch (SupplierException exception)
        {
            Log.SupplierCallFailed(logger, adapter.SupplierId, organisation.OdsCode, what, exception.Kind.ToString());
            return Failed<T>(adapter, organisation, exception.Kind, Describe(exception.Kind));
        }
        catch (HttpRequestException)
        {
            Log.SupplierCallFailed(logger, adapter.SupplierId, organisation.OdsCode, what, nameof(SupplierFailureKind.Unavailable));
            return Failed<T>(adapter, organisation, SupplierFailureKind.Unavailable, Describe(SupplierFailureKind.Unavailable));
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
            $"{adapter.DisplayName} ({adapter.SupplierId}) at {OrganisationLabel(organisation)} {cause}; records held there are not included.");
        return kind == SupplierFailureKind.Refused
            ? issue with { Detail = new IssueDetail(SpineErrorCodes.System, SpineErrorCodes.NoOrganisationConsent, SpineErrorCodes.Display(SpineErrorCodes.NoOrganisationConsent)) }
            : issue;
    }

    /// <summary>"Name (ODS)" for messages.</summary>
    public static string OrganisationLabel(OrganisationEndpoint organisation) =>
        string.IsNullOrEmpty(organisation.Name) ? organisation.OdsCode : $"{organisation.Name} ({organisation.OdsCode})";

    /// <summary>
    /// The exception for a request none of whose suppliers could answer: 403 when every one refused to
    /// share (docs/adr/0006-organisation-sharing-refusals.md), 504 when the others all timed out, else 502.
    /// </summary>
    public static FacadeException AllFailed(IReadOnlyList<SupplierFailure> failures, IReadOnlyList<Issue> issues)
    {
        var faults = failures.Where(f => f.Kind != SupplierFailureKind.Refused).ToList();
        if (failures.Count > 0 && faults.Count == 0)
        {
            return new FacadeException(403, [.. issues.Select(i => i with { Severity = IssueSeverity.Error, Type = i.Type == IssueType.Suppressed ? IssueType.Forbidden : i.Type })]);
        }

        var status = faults.Count > 0 && faults.All(f => f.Kind == SupplierFailureKind.Timeout) ? 504 : 502;
        return new FacadeException(status, [.. issues.Select(i => i with { Severity = IssueSeverity.Error })]);
    }

    private static string Describe(SupplierFailureKind kind) => kind switch
    {
        SupplierFailureKind.Timeout => "did not answer in time",
        SupplierFailureKind.Malformed => "answered with data the facade could not read",
        SupplierFailureKind.Unauthorized => "refused the facade's credentials",
        SupplierFailureKind.Refused => "does not share records with third parties (its third-party sharing is switched off)",
        _ => "could not be reached or answered with an error",
    };

    private static SupplierCallResult<T> Failed<T>(ISupplierAdapter adapter, OrganisationEndpoint organisation, SupplierFailureKind kind, string cause) =>
        new(default, new SupplierFailure(adapter.SupplierId, organisation.OdsCode, kind), FailureIssue(adapter, organisation, kind, cause));
}
