using FhirFacade.Core.Audit;
using FhirFacade.Server.Http;
using FhirFacade.Server.Security;
using Microsoft.AspNetCore.Diagnostics;

namespace FhirFacade.Server.Auditing;

/// <summary>
/// Builds the audit record of a finished request from what the pipeline learned: the caller
/// (token), what was asked (route template, never query values), the patient's NHS number, the
/// suppliers consulted, the count returned and the outcome (499 when the caller went away before it
/// was released). No clinical content ever goes in.
/// </summary>
internal static class AuditRecordFactory
{
    public static AuditRecord Create(HttpContext context, DateTimeOffset now)
    {
        var feature = FacadeRequestFeature.Of(context);
        var caller = context.GetCaller();
        // The exception handler clears the endpoint before it answers; the feature it sets keeps the one routing chose.
        var endpoint = context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        var template = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? "(unrouted)";

        // A caller that went away before the answer was released got nothing: 499, whatever had been prepared.
        var status = context.RequestAborted.IsCancellationRequested || feature.ClientGone ? StatusCodes.Status499ClientClosedRequest : context.Response.StatusCode;

        return new AuditRecord
        {
            Recorded = now,
            CorrelationId = context.TraceIdentifier,
            Agent = caller is null
                ? AuditAgent.Anonymous
                : new AuditAgent(caller.ClientId, caller.Subject, caller.FhirUser, caller.OrganisationOds),
            Interaction = feature.Interaction ?? Interaction(context.Request.Method, template),
            Method = context.Request.Method,
            PathTemplate = template,
            ResourceTypes = feature.ResourceType is null ? [] : [feature.ResourceType],
            PatientNhsNumber = feature.PatientNhsNumber,
            Sources = Sources(feature.Suppliers),
            ResourceCount = feature.ResourceCount,
            Outcome = new AuditOutcome(status, feature.IssueCode, feature.SpineCode),
            SourceIp = context.Connection.RemoteIpAddress?.ToString(),
        };
    }

    // The request feature names each consulted source as "supplier/ODS".
    private static List<AuditSource> Sources(IReadOnlyList<string> suppliers) =>
        suppliers.Select(s => s.Split('/', 2)).Select(p => new AuditSource(p[0], p.Length > 1 ? p[1] : string.Empty)).ToList();

    // A HEAD is recorded as the GET it mirrors (its method stays HEAD).
    private static string Interaction(string method, string template) =>
        template.EndsWith("/metadata", StringComparison.Ordinal) ? AuditInteractions.Capabilities
        : template.Contains("/Patient/{id}/{type", StringComparison.Ordinal) ? AuditInteractions.SearchCompartment
        : template.Contains("{id", StringComparison.Ordinal) ? AuditInteractions.Read
        : HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || template.EndsWith("_search", StringComparison.Ordinal) ? AuditInteractions.SearchType
        : AuditInteractions.Other;
}
