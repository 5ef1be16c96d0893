using System.Globalization;
using FhirFacade.Core.Audit;
using FhirFacade.Core.Errors;
using FhirFacade.Core.Identity;
using FhirFacade.Fhir.Conformance;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Resources;
using FhirFacade.Server.Endpoints;
using FhirFacade.Server.Hosting;
using FhirFacade.Server.Http;
using FhirFacade.Server.Security;

namespace FhirFacade.Server.Auditing;

/// <summary>
/// <c>GET [base]/AuditEvent?patient=&amp;date=&amp;agent=&amp;_count=</c> (and HEAD): the audit trail for authorised
/// auditors — tokens with an explicit <c>user/AuditEvent.rs</c> or <c>system/AuditEvent.rs</c> scope
/// (a wildcard clinical scope is not enough: reading who saw what is a separate permission). Newest first;
/// <c>Bundle.total</c> counts every entry the filters match; <c>self</c>, <c>next</c> and <c>previous</c> are
/// absolute URLs on the public base URL, paging by sequence (<c>_before</c>: the page older than an entry,
/// <c>_after</c>: the page newer than one), so a page does not shift while the trail grows.
/// </summary>
public static class AuditEventEndpoints
{
    /// <summary>The resource type served.</summary>
    public const string ResourceType = "AuditEvent";

    private const string Before = "_before";
    private const string After = "_after";

    /// <summary>The search parameters, as the CapabilityStatement declares them.</summary>
    public static readonly IReadOnlyList<AuditEventSearchParameter> SearchParameters =
    [
        new("patient", "reference", "http://hl7.org/fhir/SearchParameter/AuditEvent-patient", "The patient the request named, by NHS number: patient=" + UkCoreSystems.NhsNumber + "|{nhs} (or the bare number)."),
        new("patient.identifier", "reference", "http://hl7.org/fhir/SearchParameter/AuditEvent-patient", "Chain on patient: the same NHS number, as patient.identifier=" + UkCoreSystems.NhsNumber + "|{nhs}."),
        new("date", "date", "http://hl7.org/fhir/SearchParameter/AuditEvent-date", "When the request was recorded, with prefixes eq, ge, gt, le, lt; repeat for a range."),
        new("agent", "token", null, "The client id or user id of the caller, exactly."),
    ];

    private static readonly HashSet<string> KnownParameters = [.. SearchParameters.Select(p => p.Name), "_count", Before, After, "_format", "_pretty"];

    public static IEndpointRouteBuilder MapAuditEvents(this IEndpointRouteBuilder endpoints, string fhirBasePath)
    {
        endpoints.MapMethods(fhirBasePath.TrimEnd('/') + "/" + ResourceType, FhirEndpoints.ReadMethods, SearchAsync)
            .WithAccess(EndpointAccess.Scope(ResourceType, ScopeAccess.Search, explicitScopeOnly: true));
        return endpoints;
    }

    private static async Task SearchAsync(HttpContext context, IAuditTrail trail, FhirResponseWriter writer, IFhirModel model, BaseUrl baseUrl)
    {
        var feature = FacadeRequestFeature.Of(context);
        feature.Interaction = AuditInteractions.SearchType;
        feature.ResourceType = ResourceType;

        var caller = context.GetCaller();
        if (caller is null || !caller.Scopes.Any(s => s.ResourceType == ResourceType && s.Context != ScopeContext.Patient && (s.Access & ScopeAccess.Search) != 0))
        {
            throw FacadeException.Forbidden(SpineErrorCodes.AccessDenied, "Reading the audit trail needs the user/AuditEvent.rs or system/AuditEvent.rs scope.");
        }

        var parameters = RequestQuery.Of(context);
        var query = ParseQuery(parameters);
        var entries = await trail.SearchAsync(query, context.RequestAborted);
        var total = await trail.CountAsync(query, context.RequestAborted);

        var bundle = new Bundle { Type = "searchset", Total = checked((int)total) };
        var endpoint = baseUrl.For(context.Request) + "/" + ResourceType;
        bundle.Link.Add(new Bundle.LinkComponent { Relation = "self", Url = endpoint + context.Request.QueryString });
        if (entries.Count > 0)
        {
            if (await AnyAsync(trail, query with { BeforeSequence = entries[^1].Sequence, AfterSequence = null }, context.RequestAborted))
            {
                bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = PageLink(endpoint, parameters.Parameters, Before, entries[^1].Sequence) });
            }

            if (await AnyAsync(trail, query with { AfterSequence = entries[0].Sequence, BeforeSequence = null }, context.RequestAborted))
            {
                bundle.Link.Add(new Bundle.LinkComponent { Relation = "previous", Url = PageLink(endpoint, parameters.Parameters, After, entries[0].Sequence) });
            }
        }

        foreach (var entry in entries)
        {
            var auditEvent = AuditEventMapper.Map(entry);
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = endpoint + "/" + auditEvent.Id,
                Resource = auditEvent,
                Search = new Bundle.SearchComponent { Mode = "match" },
            });
        }

        feature.ResourceCount = entries.Count;
        await writer.WriteAsync(context, bundle.ToElementNode(model), StatusCodes.Status200OK, FormatNegotiator.Current(context), context.RequestAborted);
    }

    private static async Task<bool> AnyAsync(IAuditTrail trail, AuditQuery query, CancellationToken cancellationToken) =>
        (await trail.SearchAsync(query with { Count = 1 }, cancellationToken)).Count > 0;

    // The request's own parameters, in the order the client wrote them, with the paging cursor replaced.
    private static string PageLink(string endpoint, IReadOnlyList<KeyValuePair<string, string>> query, string cursor, long sequence)
    {
        var parameters = query.Where(q => q.Key is not (Before or After))
            .Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value))
            .Append(cursor + "=" + sequence.ToString(CultureInfo.InvariantCulture));
        return endpoint + "?" + string.Join('&', parameters);
    }

    // The query as the edge parsed it: names must be known exactly; values are looked up as RequestQuery does.
    private static AuditQuery ParseQuery(RequestQuery query)
    {
        foreach (var (key, _) in query.Parameters)
        {
            if (!KnownParameters.Contains(key))
            {
                throw Invalid($"The parameter '{(key.Length <= 64 ? key : key[..64])}' is not supported for AuditEvent (supported: patient, patient.identifier, date, agent, _count).", key);
            }
        }

        var result = new AuditQuery();
        var patient = query.First("patient.identifier") ?? query.First("patient");
        if (patient is not null)
        {
            var value = patient.StartsWith(UkCoreSystems.NhsNumber + "|", StringComparison.Ordinal) ? patient[(UkCoreSystems.NhsNumber.Length + 1)..] : patient;
            if (!NhsNumber.TryParse(value, out var nhs))
            {
                throw new FacadeException(400, FacadeException.SpineIssue(SpineErrorCodes.InvalidNhsNumber, IssueType.Value, "patient must be an NHS number (optionally https://fhir.nhs.uk/Id/nhs-number|…) with a valid check digit.", location: "patient"));
            }

            result = result with { PatientNhsNumber = nhs.Value };
        }

        foreach (var date in query.Values("date"))
        {
            result = ApplyDate(result, date);
        }

        if (query.First("agent") is { Length: > 0 } agent)
        {
            result = result with { Agent = agent };
        }

        if (query.First("_count") is { } count)
        {
            if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                throw Invalid("_count must be a positive whole number.", "_count");
            }

            result = result with { Count = Math.Min(n, AuditQuery.MaxCount) };
        }

        if (query.First(Before) is { } before)
        {
            result = long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
                ? result with { BeforeSequence = sequence }
                : throw Invalid("_before must be a sequence number from a next link.", Before);
        }

        if (query.First(After) is { } after)
        {
            result = result.BeforeSequence is not null
                ? throw Invalid("_before and _after cannot be combined: follow the next and previous links as given.", After)
                : long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
                    ? result with { AfterSequence = sequence }
                    : throw Invalid("_after must be a sequence number from a previous link.", After);
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
