using System.Globalization;
using FhirFacade.Core.Audit;
using FhirFacade.Core.Errors;
using FhirFacade.Core.Identity;
using FhirFacade.Fhir.Conformance;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Resources;
using FhirFacade.Server.Http;
using FhirFacade.Server.Security;

namespace FhirFacade.Server.Auditing;

/// <summary>
/// <c>GET [base]/AuditEvent?patient=&amp;date=&amp;agent=&amp;_count=</c>: the audit trail for authorised
/// auditors — tokens with an explicit <c>user/AuditEvent.rs</c> or <c>system/AuditEvent.rs</c> scope
/// (a wildcard clinical scope is not enough: reading who saw what is a separate permission).
/// </summary>
public static class AuditEventEndpoints
{
    private static readonly HashSet<string> KnownParameters = ["patient", "patient.identifier", "date", "agent", "_count", "_before", "_format", "_pretty"];

    public static IEndpointRouteBuilder MapAuditEvents(this IEndpointRouteBuilder endpoints, string fhirBasePath)
    {
        endpoints.MapGet(fhirBasePath.TrimEnd('/') + "/AuditEvent", SearchAsync)
            .WithAccess(EndpointAccess.Scope("AuditEvent", ScopeAccess.Search, explicitScopeOnly: true));
        return endpoints;
    }

    private static async Task SearchAsync(HttpContext context, IAuditTrail trail, FhirResponseWriter writer, IFhirModel model)
    {
        var feature = FacadeRequestFeature.Of(context);
        feature.Interaction = AuditInteractions.SearchType;
        feature.ResourceType = "AuditEvent";

        var caller = context.GetCaller();
        if (caller is null || !caller.Scopes.Any(s => s.ResourceType == "AuditEvent" && s.Context != ScopeContext.Patient && (s.Access & ScopeAccess.Search) != 0))
        {
            throw FacadeException.Forbidden(SpineErrorCodes.AccessDenied, "Reading the audit trail needs the user/AuditEvent.rs or system/AuditEvent.rs scope.");
        }

        var query = ParseQuery(context.Request.Query);
        var entries = await trail.SearchAsync(query, context.RequestAborted);

        var bundle = new Bundle { Type = "searchset", Total = entries.Count };
        var self = context.Request.Path + context.Request.QueryString;
        bundle.Link.Add(new Bundle.LinkComponent { Relation = "self", Url = self });
        if (entries.Count == query.EffectiveCount)
        {
            var next = $"{context.Request.Path}?{string.Join('&', context.Request.Query.Where(q => q.Key != "_before").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}"))}&_before={entries[^1].Sequence}";
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = next });
        }

        foreach (var entry in entries)
        {
            var auditEvent = AuditEventMapper.Map(entry);
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{context.Request.Path}/{auditEvent.Id}",
                Resource = auditEvent,
                Search = new Bundle.SearchComponent { Mode = "match" },
            });
        }

        feature.ResourceCount = entries.Count;
        await writer.WriteAsync(context, bundle.ToElementNode(model), StatusCodes.Status200OK, FormatNegotiator.Current(context), context.RequestAborted);
    }

    private static AuditQuery ParseQuery(IQueryCollection query)
    {
        foreach (var key in query.Keys)
        {
            if (!KnownParameters.Contains(key))
            {
                throw Invalid($"The parameter '{key}' is not supported for AuditEvent (supported: patient, date, agent, _count).", key);
            }
        }

        var result = new AuditQuery();
        var patient = query["patient.identifier"].FirstOrDefault() ?? query["patient"].FirstOrDefault();
        if (patient is not null)
        {
            var value = patient.StartsWith(UkCoreSystems.NhsNumber + "|", StringComparison.Ordinal) ? patient[(UkCoreSystems.NhsNumber.Length + 1)..] : patient;
            if (!NhsNumber.TryParse(value, out var nhs))
            {
                throw new FacadeException(400, FacadeException.SpineIssue(SpineErrorCodes.InvalidNhsNumber, IssueType.Value, "patient must be an NHS number (optionally https://fhir.nhs.uk/Id/nhs-number|…) with a valid check digit.", location: "patient"));
            }

            result = result with { PatientNhsNumber = nhs.Value };
        }

        foreach (var date in query["date"])
        {
            result = ApplyDate(result, date!);
        }

        if (query["agent"].FirstOrDefault() is { Length: > 0 } agent)
        {
            result = result with { Agent = agent };
        }

        if (query["_count"].FirstOrDefault() is { } count)
        {
            if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                throw Invalid("_count must be a positive whole number.", "_count");
            }

            result = result with { Count = Math.Min(n, AuditQuery.MaxCount) };
        }

        if (query["_before"].FirstOrDefault() is { } before)
        {
            result = long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
                ? result with { BeforeSequence = sequence }
                : throw Invalid("_before must be a sequence number from a next link.", "_before");
        }

        return result;
    }

    private static AuditQuery ApplyDate(AuditQuery query, string value)
    {
        var prefix = value.Length > 2 && char.IsAsciiLetterLower(value[0]) && char.IsAsciiLetterLower(value[1]) ? value[..2] : "eq";
        var text = prefix == "eq" && !value.StartsWith("eq", StringComparison.Ordinal) ? value : value[2..];
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            throw Invalid($"'{value}' is not a date (use e.g. ge2026-11-01 or 2026-11-22).", "date");
        }

        var dayOnly = text.Length == 10;
        var end = dayOnly ? instant.AddDays(1) : instant;
        return prefix switch
        {
            "ge" => query with { From = instant },
            "gt" => query with { From = end },
            "le" => query with { To = end },
            "lt" => query with { To = instant },
            "eq" => query with { From = instant, To = end },
            _ => throw Invalid($"The date prefix '{prefix}' is not supported for AuditEvent (eq, ge, gt, le, lt).", "date"),
        };
    }

    private static FacadeException Invalid(string message, string location) =>
        new(400, FacadeException.SpineIssue(SpineErrorCodes.InvalidParameter, IssueType.Invalid, message, location: location));
}
