using System.Globalization;
using System.Text;
using FhirFacade.Core.Audit;
using FhirFacade.Core.Errors;
using FhirFacade.Core.Gateway;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Paging;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Conformance;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Resources;
using FhirFacade.Server.Bundles;
using FhirFacade.Server.Hosting;
using FhirFacade.Server.Http;
using FhirFacade.Server.Security;
using FhirFacade.Server.Subsetting;

namespace FhirFacade.Server.Endpoints;

/// <summary>
/// <c>Patient/$everything</c> (<see href="https://hl7.org/fhir/R4/patient-operation-everything.html"/>): the whole
/// record of one patient in one paged <c>searchset</c> — the Patient, and every AllergyIntolerance, Condition and
/// MedicationStatement (with the Medications the statements reference) from every organisation holding the record —
/// answered by the gateway's own search per type, run in parallel inside one request budget, so what is merged,
/// de-duplicated, validated and withheld is exactly what the type searches give. One OperationOutcome entry carries
/// every issue of every type (docs/api.md, "Patient $everything").
/// <list type="bullet">
/// <item><c>GET|HEAD|POST [base]/Patient/{id}/$everything</c>: the Patient is read first, as a read is (a patient-confined
/// token asking about another patient gets the read's 404), then the record is gathered by its NHS number.</item>
/// <item><c>GET|HEAD|POST [base]/Patient/$everything?identifier={nhs-system}|{nhs}</c>: the type-level form needs the
/// patient (400 otherwise), named as a Patient search names it.</item>
/// </list>
/// The gate asks for Patient read access; each other type is released only when the token also grants its search
/// (Medication: read); a type left out for scope is reported (docs/security.md).
/// </summary>
public static class EverythingEndpoints
{
    /// <summary>The operation's name, as routed and declared in the CapabilityStatement.</summary>
    public const string OperationName = "everything";

    /// <summary>The operation's definition in R4 core.</summary>
    public const string OperationDefinition = "http://hl7.org/fhir/OperationDefinition/Patient-everything";

    /// <summary>The types the answer can hold, in the order they appear in it.</summary>
    public static readonly IReadOnlyList<string> Types =
    [
        FhirResourceTypes.Patient,
        FhirResourceTypes.AllergyIntolerance,
        FhirResourceTypes.Condition,
        FhirResourceTypes.MedicationStatement,
        FhirResourceTypes.Medication,
    ];

    internal const string TypeParameter = "_type";
    internal const string SinceParameter = "_since";
    private const string IdentifierParameter = "identifier";
    private const string InstancePattern = "/Patient/{id}/$" + OperationName;
    private const string TypePattern = "/Patient/$" + OperationName;

    // The parameters the operation reads; _format and _pretty are the HTTP layer's.
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        TypeParameter, SinceParameter, SearchParameterNames.Count, SearchParameterNames.Summary, SearchParameterNames.Elements,
        SearchParameterNames.Page, SearchParameterNames.Format, SearchParameterNames.Pretty,
    };

    /// <summary>Maps both forms, each for GET, HEAD and POST, under the FHIR base path group.</summary>
    public static RouteGroupBuilder MapEverything(this RouteGroupBuilder fhir)
    {
        ArgumentNullException.ThrowIfNull(fhir);
        var patientRead = EndpointAccess.Scope(FhirResourceTypes.Patient, ScopeAccess.Read);
        string[] methods = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post];
        fhir.MapMethods(InstancePattern, methods, (HttpContext context, string id, [AsParameters] EverythingServices services) => EverythingAsync(context, id, services)).WithAccess(patientRead);
        fhir.MapMethods(TypePattern, methods, (HttpContext context, [AsParameters] EverythingServices services) => EverythingAsync(context, null, services)).WithAccess(patientRead);
        return fhir;
    }

    private static async Task EverythingAsync(HttpContext context, string? id, EverythingServices services)
    {
        var format = FormatNegotiator.Negotiate(context);
        var feature = FacadeRequestFeature.Of(context);
        feature.Interaction = AuditInteractions.Operation;
        feature.ResourceType = FhirResourceTypes.Patient;
        feature.ResourceId = id;
        RefuseBody(context.Request);

        var parameters = RequestQuery.Of(context).Parameters;
        var route = id is null ? TypePattern : $"/Patient/{id}/$" + OperationName;
        parameters = PagingLinks.Resume(services.PageTokens, parameters, route, "The paging link is not valid: it was changed, or issued by another server or for another patient. Follow next/previous links exactly as given.", out var offset);
        var request = Parse(context, id, parameters, services.Ids) with { Offset = offset };

        // Recorded before the record is gathered, so a refusal (403 for another patient) is audited with whom it was about.
        feature.PatientNhsNumber = request.NhsNumber?.Value;
        var gathered = await GatherAsync(context, request, services);
        feature.PatientNhsNumber = gathered.NhsNumber;
        feature.Suppliers = gathered.Suppliers;
        var baseUrl = services.BaseUrl.For(context.Request);
        var bundle = Build(services, request, route, gathered, baseUrl);
        feature.ResourceCount = bundle.ResourceCount;
        await services.Writer.WriteAsync(context, bundle.Bundle, StatusCodes.Status200OK, format, context.RequestAborted);
    }

    // The operation's parameters travel in the query (POST with an empty body reads them there too); a body is refused.
    private static void RefuseBody(HttpRequest request)
    {
        if (HttpMethods.IsPost(request.Method) && (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0))
        {
            throw new FacadeException(StatusCodes.Status415UnsupportedMediaType, new Issue(
                "HTTP415",
                IssueSeverity.Error,
                IssueType.NotSupported,
                "$everything takes its parameters in the query string; POST it with an empty body (a Parameters body is not read)."));
        }
    }

    private static EverythingRequest Parse(HttpContext context, string? id, IReadOnlyList<KeyValuePair<string, string>> parameters, ResourceIdCodec ids)
    {
        var issues = new List<Issue>();
        var unknown = new List<string>();
        string? identifier = null;
        var types = new List<string>();
        var since = (DateTimeOffset?)null;
        var sinceText = (string?)null;
        var count = SearchRequest.DefaultCount;
        var countText = (string?)null;
        foreach (var (name, value) in parameters)
        {
            switch (name)
            {
                case IdentifierParameter when id is null:
                    identifier = value;
                    break;
                case TypeParameter:
                    foreach (var type in value.Split(',', StringSplitOptions.TrimEntries))
                    {
                        if (!Types.Contains(type, StringComparer.Ordinal))
                        {
                            throw new FacadeException(400, FacadeException.SpineIssue(SpineErrorCodes.InvalidParameter, IssueType.NotSupported, $"_type '{Truncate(type)}' is not a type $everything returns ({string.Join(", ", Types)}).", location: TypeParameter));
                        }

                        if (!types.Contains(type, StringComparer.Ordinal))
                        {
                            types.Add(type);
                        }
                    }

                    break;
                case SinceParameter:
                    if (!FhirDateParser.TryParseRange(value, out var range))
                    {
                        throw new FacadeException(400, FacadeException.SpineIssue(SpineErrorCodes.InvalidParameter, IssueType.Invalid, "_since must be a FHIR instant or dateTime (YYYY-MM-DDThh:mm:ss+zz:zz, or a date).", location: SinceParameter));
                    }

                    since = range.Start;
                    sinceText = value;
                    break;
                case SearchParameterNames.Count:
                    countText = value;
                    break;
                default:
                    if (!Known.Contains(name))
                    {
                        unknown.Add(name);
                    }

                    break;
            }
        }

        // _count as a search reads it: a non-negative integer, reduced (with an issue) to the largest page; _summary and _elements likewise.
        if (countText is not null)
        {
            if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out count))
            {
                throw new FacadeException(400, FacadeException.SpineIssue(SpineErrorCodes.InvalidParameter, IssueType.Invalid, "Parameter '_count' must be a non-negative integer.", location: SearchParameterNames.Count));
            }

            if (count > SearchRequest.MaxCount)
            {
                issues.Add(new Issue("SEARCH-COUNT-MAX", IssueSeverity.Information, IssueType.Informational, $"_count reduced to the maximum page size {SearchRequest.MaxCount}."));
                count = SearchRequest.MaxCount;
            }
        }

        var (summary, elements) = SearchRequestParser.ParseResultParameters(parameters);

        var strict = context.Request.Headers["Prefer"].Any(p => p is not null && p.Contains("handling=strict", StringComparison.OrdinalIgnoreCase));
        if (strict && unknown.Count > 0)
        {
            throw new FacadeException(400, FacadeException.SpineIssue(SpineErrorCodes.InvalidParameter, IssueType.NotSupported, $"Unknown parameter(s) under Prefer: handling=strict: {string.Join(", ", unknown.Select(Truncate))}."));
        }

        NhsNumber? nhs = null;
        if (id is null)
        {
            if (identifier is null)
            {
                throw new FacadeException(400, FacadeException.SpineIssue(SpineErrorCodes.BadRequest, IssueType.Required, $"Patient/$everything must identify the patient: identifier={SearchRequestParser.NhsNumberSystem}|{{nhs-number}} (or use Patient/{{id}}/$everything). The facade does not list every patient's record."));
            }

            // Checked exactly as a Patient search checks its identifier (system, value, Modulus 11, with their Spine codes).
            nhs = SearchRequestParser.Parse(FhirResourceTypes.Patient, [KeyValuePair.Create(IdentifierParameter, identifier)], strict: false, ids).PatientNhsNumber;
        }

        return new EverythingRequest(id, nhs, types, since, sinceText, count, summary, elements, unknown, issues);
    }

    private static async Task<Gathered> GatherAsync(HttpContext context, EverythingRequest request, EverythingServices services)
    {
        var gateway = services.Gateway;
        var ids = services.Ids;
        var caller = context.GetCaller();
        var issues = new List<Issue>(request.Issues);
        foreach (var unknown in request.Unknown)
        {
            issues.Add(FacadeException.SpineIssue(SpineErrorCodes.NotImplemented, IssueType.NotSupported, $"The parameter '{Truncate(unknown)}' is not supported and was ignored.", IssueSeverity.Warning));
        }

        // Which types the answer holds: those asked for (all when _type is absent) that the token may see.
        var asked = request.Types.Count > 0 ? request.Types : Types;
        var wanted = new List<string>();
        var notGranted = new List<string>();
        foreach (var type in asked)
        {
            var access = type is FhirResourceTypes.Patient or FhirResourceTypes.Medication ? ScopeAccess.Read : ScopeAccess.Search;
            if (caller is null || caller.IsGranted(type, access))
            {
                wanted.Add(type);
            }
            else
            {
                notGranted.Add(type);
            }
        }

        if (request.Types.Count > 0 && notGranted.Count > 0)
        {
            var refusal = FacadeException.Forbidden(SpineErrorCodes.AccessDenied, $"The access token does not grant access to {string.Join(", ", notGranted)}, which _type asks for.");
            refusal.Headers["WWW-Authenticate"] = $"Bearer realm=\"FhirFacade\", error=\"insufficient_scope\", error_description=\"scope does not cover {string.Join(' ', notGranted)}\"";
            throw refusal;
        }

        if (notGranted.Count > 0)
        {
            issues.Add(new Issue("EVERYTHING-SCOPE", IssueSeverity.Warning, IssueType.Suppressed, $"Not included: {string.Join(", ", notGranted)}. The access token does not grant access to {(notGranted.Count == 1 ? "this type" : "these types")}, so this is not the whole record."));
        }

        // One context for the whole operation: every read and search below is given it (and runs inside this budget).
        var requestContext = services.Contexts.For(context);
        using var budget = requestContext.StartBudget(context.RequestAborted);

        // The instance form reads the Patient first, as a read does: the same 404 for an id never issued, for another patient
        // of a confined token, or for a record the supplier does not have; then the record is gathered by NHS number.
        var nhs = request.NhsNumber;
        if (request.Id is { } id)
        {
            try
            {
                var read = await gateway.ReadAsync(requestContext, FhirResourceTypes.Patient, id, budget.Token);
                if (read.Resource.Source.PatientNhsNumber is { } recorded && NhsNumber.TryParse(recorded, out var parsed))
                {
                    nhs = parsed;
                }
            }
            catch (FacadeException failure) when (IsOrganisationFault(failure) && NhsNumberIn(id, ids) is { } fromId)
            {
                // The organisation the id names refused or could not answer (the caller may read this patient: a confined
                // token asking about another was answered 404 before any supplier). The record is still gathered from every
                // holder by the NHS number the id carries, and that organisation's answer is an issue beside the others.
                issues.AddRange(failure.Issues.Select(issue => issue with { Severity = IssueSeverity.Warning }));
                nhs = fromId;
            }
        }

        var searched = wanted.Where(t => t != FhirResourceTypes.Medication).ToList();
        if (wanted.Contains(FhirResourceTypes.Medication) && !searched.Contains(FhirResourceTypes.MedicationStatement))
        {
            searched.Add(FhirResourceTypes.MedicationStatement);
        }

        var searches = searched.Select(type => SearchOneAsync(gateway, requestContext, SearchFor(type, request.Id, nhs, ids), budget.Token)).ToList();
        var outcomes = await Task.WhenAll(searches);

        // A type no holder could answer is an issue beside the others; only when every type failed is the answer a failure.
        if (outcomes.All(o => o.Failure is not null))
        {
            throw outcomes[0].Failure!;
        }

        var byType = new Dictionary<string, List<GatewayResource>>(StringComparer.Ordinal);
        var medications = new List<GatewayResource>();
        var suppliers = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < searched.Count; i++)
        {
            var (result, failure) = outcomes[i];
            if (failure is not null)
            {
                issues.AddRange(failure.Issues.Select(issue => issue with { Severity = IssueSeverity.Warning }));
                continue;
            }

            issues.AddRange(result!.Issues);
            suppliers.UnionWith(result.Suppliers);
            byType[searched[i]] = [.. result.Matches];
            if (searched[i] == FhirResourceTypes.MedicationStatement)
            {
                medications.AddRange(result.Included);
            }
        }

        var resources = new List<GatewayResource>();
        var undated = 0;
        foreach (var type in Types.Where(wanted.Contains))
        {
            if (type == FhirResourceTypes.Medication)
            {
                resources.AddRange(ReferencedMedications(byType.GetValueOrDefault(FhirResourceTypes.MedicationStatement) ?? [], medications, request.Since));
                continue;
            }

            foreach (var resource in byType.GetValueOrDefault(type) ?? [])
            {
                switch (RecordedSince(resource, request.Since))
                {
                    case SinceMatch.Yes:
                        resources.Add(resource);
                        break;
                    case SinceMatch.Undated:
                        undated++;
                        resources.Add(resource);
                        break;
                }
            }
        }

        if (request.Since is not null)
        {
            issues.Add(new Issue("EVERYTHING-SINCE", IssueSeverity.Information, IssueType.Informational, $"_since selects entries the practice recorded at or after {request.SinceText}: AllergyIntolerance and Condition by recordedDate, MedicationStatement by dateAsserted; the Patient is always returned (meta.lastUpdated is the time this facade retrieved each resource, not a change at the practice)."));
            if (undated > 0)
            {
                issues.Add(new Issue("EVERYTHING-SINCE-UNDATED", IssueSeverity.Warning, IssueType.Incomplete, $"{undated} {(undated == 1 ? "entry has" : "entries have")} no recorded date in the supplier's record and {(undated == 1 ? "is" : "are")} included whatever _since says."));
            }
        }

        // The same resource can reach two types' answers only through a Medication; every entry appears once.
        resources = [.. resources.DistinctBy(r => r.ResourceType + "/" + r.Id, StringComparer.Ordinal)];
        foreach (var resource in resources)
        {
            services.Versions.Stamp(resource);
        }

        issues.AddRange(ReleasedText.SupplierTextIssues(resources));
        return new Gathered(resources, [.. issues.Distinct()], [.. suppliers], nhs?.Value);
    }

    // A supplier fault (502, 503, 504) or an organisation's refusal to share (403 without a patient's own refusal or an access decision).
    private static bool IsOrganisationFault(FacadeException failure) =>
        failure.StatusCode >= StatusCodes.Status500InternalServerError
        || (failure.StatusCode == StatusCodes.Status403Forbidden && !failure.Issues.Any(i => i.Detail?.Code is SpineErrorCodes.NoPatientConsent or SpineErrorCodes.AccessDenied));

    private static NhsNumber? NhsNumberIn(string id, ResourceIdCodec ids) =>
        ids.TryDecode(FhirResourceTypes.Patient, id, out var decoded) && NhsNumber.TryParse(decoded.NativeId, out var nhs) ? nhs : null;

    private static async Task<(GatewaySearchResult? Result, FacadeException? Failure)> SearchOneAsync(FhirGateway gateway, RequestContext requestContext, SearchRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return (await gateway.SearchAsync(requestContext, request, cancellationToken), null);
        }
        catch (FacadeException failure) when (failure.StatusCode >= StatusCodes.Status500InternalServerError)
        {
            // Every holder failed for this one type (502, 503, 504): its issues name each supplier and organisation.
            return (null, failure);
        }
    }

    // The search each type's part of the record is: by NHS number (every holder), or by the Patient id when the record has none.
    private static SearchRequest SearchFor(string type, string? id, NhsNumber? nhs, ResourceIdCodec ids)
    {
        var nhsToken = nhs is { } n ? SearchRequestParser.NhsNumberSystem + "|" + n.Value : null;
        List<KeyValuePair<string, string>> parameters = type == FhirResourceTypes.Patient
            ? [nhsToken is null ? KeyValuePair.Create(SearchParameterNames.Id, id!) : KeyValuePair.Create(IdentifierParameter, nhsToken)]
            : [nhsToken is null ? KeyValuePair.Create(SearchParameterNames.Patient, "Patient/" + id) : KeyValuePair.Create(SearchParameterNames.PatientIdentifierChain, nhsToken)];
        if (type == FhirResourceTypes.MedicationStatement)
        {
            parameters.Add(KeyValuePair.Create(SearchParameterNames.Include, FhirResourceTypes.MedicationStatementMedicationInclude));
        }

        return SearchRequestParser.Parse(type, parameters, strict: false, ids);
    }

    // The Medications the answer's statements reference (after _since), once each, in the statements' order.
    private static IEnumerable<GatewayResource> ReferencedMedications(List<GatewayResource> statements, List<GatewayResource> medications, DateTimeOffset? since)
    {
        var byReference = medications.GroupBy(m => m.ResourceType + "/" + m.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var statement in statements.Where(s => RecordedSince(s, since) != SinceMatch.No))
        {
            if (statement.Resource.Child("medication")?.Child("reference")?.Text is { } reference && byReference.Remove(reference, out var medication))
            {
                yield return medication;
            }
        }
    }

    private static SinceMatch RecordedSince(GatewayResource resource, DateTimeOffset? since)
    {
        if (since is not { } from || resource.ResourceType == FhirResourceTypes.Patient)
        {
            return SinceMatch.Yes;
        }

        var element = resource.ResourceType == FhirResourceTypes.MedicationStatement ? "dateAsserted" : "recordedDate";
        if (resource.Resource.Child(element)?.Text is not { } text || !FhirDateParser.TryParseRange(text, out var recorded))
        {
            return SinceMatch.Undated;
        }

        // A date recorded with day precision counts from the end of that day: an entry recorded "on the day" is not missed.
        return recorded.End > from ? SinceMatch.Yes : SinceMatch.No;
    }

    private static SearchBundle Build(EverythingServices services, EverythingRequest request, string route, Gathered gathered, string baseUrl)
    {
        var total = gathered.Resources.Count;
        var page = request.Summary == SummaryMode.Count ? [] : gathered.Resources.Skip(request.Offset).Take(request.Count).ToList();
        var bundle = Bundle.SearchSet(total);
        var query = request.CanonicalQuery();
        string PageLink(int offset) => $"{baseUrl}{route}?{SearchParameterNames.Page}={services.PageTokens.Encode(new PageToken(route, query, request.Count, offset))}";
        bundle.AddLink(BundleCodes.LinkSelf, request.Offset == 0 ? $"{baseUrl}{route}?{(query.Length == 0 ? string.Empty : query + "&")}_count={request.Count}" : PageLink(request.Offset));
        if (request.Summary != SummaryMode.Count && request.Count > 0 && request.Offset + request.Count < total)
        {
            bundle.AddLink(BundleCodes.LinkNext, PageLink(request.Offset + request.Count));
        }

        if (request.Offset > 0 && request.Count > 0)
        {
            bundle.AddLink(BundleCodes.LinkPrevious, PageLink(Math.Max(0, request.Offset - request.Count)));
        }

        foreach (var resource in page)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{baseUrl}/{resource.ResourceType}/{resource.Id}",
                Search = new Bundle.SearchComponent { Mode = BundleCodes.SearchModeMatch },
            });
        }

        if (gathered.Issues.Count > 0)
        {
            bundle.AddSearchOutcome(OperationOutcome.FromIssues(gathered.Issues), "urn:uuid:" + Guid.NewGuid().ToString("D"));
        }

        var node = bundle.ToElementNode(services.Model);
        SearchBundleBuilder.AttachAll(node, page, services.Subsetter, request.Summary, request.Elements);
        return new SearchBundle(node, page.Count);
    }

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "…";

    private enum SinceMatch
    {
        Yes,
        No,
        Undated,
    }

    private sealed record Gathered(List<GatewayResource> Resources, IReadOnlyList<Issue> Issues, IReadOnlyList<string> Suppliers, string? NhsNumber);

    /// <summary>One $everything request, as parsed (and as a paging link re-creates it).</summary>
    private sealed record EverythingRequest(
        string? Id,
        NhsNumber? NhsNumber,
        IReadOnlyList<string> Types,
        DateTimeOffset? Since,
        string? SinceText,
        int Count,
        SummaryMode Summary,
        IReadOnlyList<string> Elements,
        IReadOnlyList<string> Unknown,
        IReadOnlyList<Issue> Issues)
    {
        public int Offset { get; init; }

        // The parameters a paging link carries (not _count, which the token holds): the patient, _type, _since, _summary, _elements.
        public string CanonicalQuery()
        {
            var builder = new StringBuilder();
            void Append(string name, string value) => builder.Append(builder.Length == 0 ? string.Empty : "&").Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            if (Id is null && NhsNumber is { } nhs)
            {
                Append(IdentifierParameter, SearchRequestParser.NhsNumberSystem + "|" + nhs.Value);
            }

            if (Types.Count > 0)
            {
                Append(TypeParameter, string.Join(',', Types));
            }

            if (SinceText is { } since)
            {
                Append(SinceParameter, since);
            }

            if (Summary != SummaryMode.None)
            {
                Append(SearchParameterNames.Summary, Summary.ToString().ToLowerInvariant());
            }

            if (Elements.Count > 0)
            {
                Append(SearchParameterNames.Elements, string.Join(',', Elements));
            }

            return builder.ToString();
        }
    }
}
