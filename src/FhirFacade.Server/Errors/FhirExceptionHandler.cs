using FhirFacade.Core.Errors;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Resources;
using FhirFacade.Server.Http;
using Microsoft.AspNetCore.Diagnostics;

namespace FhirFacade.Server.Errors;

/// <summary>
/// The one place errors become OperationOutcomes: a <see cref="FacadeException"/> gives the status,
/// issues and headers; a request Kestrel could not read keeps its 4xx status; anything else is a 500
/// carrying only the correlation id (never exception text). Should writing the OperationOutcome fail
/// in turn, <see cref="Auditing.AuditMiddleware"/> still answers and audits the request.
/// </summary>
internal sealed partial class FhirExceptionHandler(FhirResponseWriter writer, IFhirModel model, ILogger<FhirExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (ClientDisconnect.Record(httpContext, exception))
        {
            // Nobody is left to answer: the audit middleware records the request as 499.
            return false;
        }

        int status;
        IReadOnlyList<Issue> issues;
        if (exception is BadHttpRequestException unreadable)
        {
            // Kestrel could not read what the caller sent (malformed chunking, a body cut short, too slow):
            // the caller's mistake, answered with Kestrel's 4xx status and without its message.
            exception = RequestRejections.Unreadable(unreadable);
        }

        if (exception is FacadeException facade)
        {
            status = facade.StatusCode;
            issues = facade.Issues;
            foreach (var (name, value) in facade.Headers)
            {
                httpContext.Response.Headers[name] = HeaderSafe(value);
            }

            LogFacadeError(logger, status, httpContext.TraceIdentifier);
        }
        else
        {
            status = StatusCodes.Status500InternalServerError;
            issues = [FacadeException.SpineIssue(SpineErrorCodes.InternalServerError, IssueType.Exception, $"An unexpected error occurred. Correlation id: {httpContext.TraceIdentifier}.")];
            LogUnexpected(logger, exception, httpContext.TraceIdentifier);
        }

        // The audit record of this request carries the outcome's codes (never its text).
        var feature = FacadeRequestFeature.Of(httpContext);
        feature.IssueCode = issues.Count > 0 ? issues[0].Type.ToCode() : null;
        feature.SpineCode = issues.Count > 0 ? issues[0].Detail?.Code : null;

        if (status == StatusCodes.Status405MethodNotAllowed && !httpContext.Response.Headers.ContainsKey("Allow"))
        {
            httpContext.Response.Headers.Allow = "GET";
        }

        var format = FormatNegotiator.Current(httpContext);
        var outcome = OperationOutcome.FromIssues(issues.Count > 0 ? issues : [new Issue("HTTP" + status, IssueSeverity.Error, IssueType.Processing, "The request failed.")]);
        await writer.WriteAsync(httpContext, outcome.ToElementNode(model), status, format, cancellationToken);

        return true;
    }

    // A header value may quote what the caller sent (a challenge naming the resource type asked for);
    // Kestrel refuses to send a header holding anything but visible ASCII, so anything else becomes '?'.
    private static string HeaderSafe(string value) =>
        value.All(c => c is '\t' or (>= ' ' and <= '~')) ? value : string.Concat(value.Select(c => c is '\t' or (>= ' ' and <= '~') ? c : '?'));

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Request {CorrelationId} answered {Status} with an OperationOutcome")]
    private static partial void LogFacadeError(ILogger logger, int status, string correlationId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Request {CorrelationId} failed unexpectedly")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string correlationId);
}
