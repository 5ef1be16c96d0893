using System.Globalization;
using System.Threading.RateLimiting;
using FhirFacade.Core.Errors;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Resources;
using FhirFacade.Server.Auditing;
using FhirFacade.Server.Http;
using FhirFacade.Server.Metrics;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace FhirFacade.Server.Throttling;

/// <summary>
/// The answer to a request that was not admitted: 503, <c>Retry-After</c>, and an OperationOutcome
/// (<c>throttled</c>, <c>FACADE-BUSY</c>) in the format the caller asked for, JSON when that cannot be
/// told. The request's audit record (written around it, like every other) carries the outcome code; the answer
/// is released once that record is queued, without waiting for its commit, unless
/// <see cref="LoadSheddingOptions.ReleaseBeforeAuditCommit"/> is off.
/// </summary>
internal sealed partial class ShedAnswerWriter(
    FhirResponseWriter writer,
    IFhirModel model,
    LoadMetrics metrics,
    IOptions<LoadSheddingOptions> options,
    ILogger<ShedAnswerWriter> logger)
{
    /// <summary>The issue code of a shed request.</summary>
    public const string IssueCode = "FACADE-BUSY";

    private readonly string _retryAfter = ((int)Math.Ceiling(options.Value.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    private readonly bool _releaseBeforeAuditCommit = options.Value.ReleaseBeforeAuditCommit;

    public async ValueTask WriteAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var reason = rejected.Lease is ShedLease shed ? shed.Reason : ShedReason.QueueFull;
        metrics.RecordShed(reason);
        LogShed(logger, context.TraceIdentifier, reason);

        var feature = FacadeRequestFeature.Of(context);
        feature.ResourceType ??= context.GetRouteValue("type") as string;
        feature.IssueCode = IssueType.Throttled.ToCode();
        if (_releaseBeforeAuditCommit)
        {
            EarlyRelease.Allow(context);
        }

        FhirFormat format;
        try
        {
            format = FormatNegotiator.Negotiate(context);
        }
        catch (FacadeException)
        {
            format = FhirFormat.Json;
        }

        context.Response.Headers.RetryAfter = _retryAfter;
        var outcome = OperationOutcome.FromIssues([
            new Issue(
                IssueCode,
                IssueSeverity.Error,
                IssueType.Throttled,
                $"The facade is serving as many requests as it can and did not start this one; no supplier system was asked. Try again after {_retryAfter} s. Correlation id: {context.TraceIdentifier}."),
        ]);
        await writer.WriteAsync(context, outcome.ToElementNode(model), StatusCodes.Status503ServiceUnavailable, format, cancellationToken);
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Debug, Message = "Request {CorrelationId} shed with 503 ({Reason})")]
    private static partial void LogShed(ILogger logger, string correlationId, string reason);
}
