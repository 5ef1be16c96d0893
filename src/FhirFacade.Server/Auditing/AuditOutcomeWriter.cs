using FhirFacade.Core.Errors;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Resources;
using FhirFacade.Server.Http;

namespace FhirFacade.Server.Auditing;

/// <summary>Writes the fail-closed answer when the audit trail cannot commit: 503, <c>Retry-After</c>, OperationOutcome.</summary>
internal sealed class AuditOutcomeWriter(FhirResponseWriter writer, IFhirModel model)
{
    public const int RetryAfterSeconds = 5;

    public async Task WriteUnavailableAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var correlationId = context.TraceIdentifier;
        context.Response.Clear();
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["X-Request-Id"] = correlationId;
        var outcome = OperationOutcome.FromIssues([
            new Issue("AUDIT503", IssueSeverity.Error, IssueType.Transient, $"The request could not be audited, so it was not answered. Try again shortly. Correlation id: {correlationId}."),
        ]);
        await writer.WriteAsync(context, outcome.ToElementNode(model), StatusCodes.Status503ServiceUnavailable, FormatNegotiator.Current(context), cancellationToken);
    }
}
