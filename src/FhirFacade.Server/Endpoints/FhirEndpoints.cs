using FhirFacade.Core.Audit;
using FhirFacade.Core.Errors;
using FhirFacade.Core.Gateway;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Paging;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Server.Bundles;
using FhirFacade.Server.Capability;
using FhirFacade.Server.Hosting;
using FhirFacade.Server.Http;
using FhirFacade.Server.Security;
using FhirFacade.Server.Subsetting;

namespace FhirFacade.Server.Endpoints;

/// <summary>
/// The FHIR REST surface: <c>metadata</c>, read (with its version as <c>meta.versionId</c> and <c>ETag</c>, and
/// conditional reads), search (GET and POST <c>_search</c>), HEAD wherever GET is served; every write
/// answers 405 and anything else under the base path 404. Handlers write element trees through the
/// canonical serializers; errors are thrown as <see cref="FacadeException"/> for the one exception handler.
/// </summary>
public static class FhirEndpoints
{
    private const string TypePattern = "{type:regex(^[A-Z][A-Za-z]+$)}";
    private const string CompartmentPattern = "/" + FhirResourceTypes.Patient + "/{id}/" + TypePattern;
    private static readonly string[] WriteMethods = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch];

    /// <summary>
    /// Every GET route also answers HEAD, through the same endpoint: the same authorization decision, status,
    /// headers and audit record, and <see cref="HeadRequestMiddleware"/> keeps the body back.
    /// </summary>
    public static readonly IReadOnlyList<string> ReadMethods = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>Maps the FHIR endpoints under the configured base path.</summary>
    public static IEndpointRouteBuilder MapFhirFacade(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var basePath = endpoints.ServiceProvider.GetRequiredService<BaseUrl>().BasePath;
        var fhir = endpoints.MapGroup(basePath);
        var search = EndpointAccess.ScopeOnRouteType(ScopeAccess.Search);
        fhir.MapMethods("/metadata", ReadMethods, MetadataAsync).WithAccess(EndpointAccess.Anonymous).DisableRateLimiting();
        fhir.MapMethods("/" + TypePattern, ReadMethods, GetSearchAsync).WithAccess(search);
        fhir.MapMethods("/" + TypePattern + "/_search", ReadMethods, GetSearchAsync).WithAccess(search);
        fhir.MapPost("/" + TypePattern + "/_search", PostSearchAsync).WithAccess(search);

        // The Patient compartment: the searched type is the route's {type}, so the gate asks for its search scope.
        fhir.MapMethods(CompartmentPattern, ReadMethods, GetCompartmentSearchAsync).WithAccess(search);
        fhir.MapMethods(CompartmentPattern + "/_search", ReadMethods, GetCompartmentSearchAsync).WithAccess(search);
        fhir.MapPost(CompartmentPattern + "/_search", PostCompartmentSearchAsync).WithAccess(search);
        fhir.MapMethods("/" + TypePattern + "/{id}", ReadMethods, ReadAsync).WithAccess(EndpointAccess.ScopeOnRouteType(ScopeAccess.Read));
        fhir.MapValidate();
        fhir.MapEverything();
        fhir.MapMethods("/", WriteMethods, WriteNotAllowed).WithAccess(EndpointAccess.Token);
        fhir.MapMethods("/" + TypePattern, WriteMethods, WriteNotAllowed).WithAccess(EndpointAccess.Token);
        fhir.MapMethods("/" + TypePattern + "/{id}", WriteMethods, WriteNotAllowed).WithAccess(EndpointAccess.Token);

        // Answers 404 to anyone: it serves nothing, and any spelling of a real path that routing does not match lands here.
        fhir.Map("/{**path}", NotFound).WithAccess(EndpointAccess.Anonymous);
        return endpoints;
    }

    private static async Task MetadataAsync(HttpContext context, CapabilityStatementBuilder builder, BaseUrl baseUrl, SmartEndpoints smart, IFhirModel model, ElementSubsetter subsetter, FhirResponseWriter writer)
    {
        var format = FormatNegotiator.Negotiate(context);
        FacadeRequestFeature.Of(context).Interaction = "capabilities";
        var node = builder.Build(baseUrl.For(context.Request), smart.AuthorizationEndpoint, smart.TokenEndpoint).ToElementNode(model);
        if (string.Equals(RequestQuery.Of(context).Value("mode"), "terse", StringComparison.Ordinal))
        {
            subsetter.Apply(node, SummaryMode.True, []);
        }

        await writer.WriteAsync(context, node, StatusCodes.Status200OK, format, context.RequestAborted);
    }

    private static async Task ReadAsync(HttpContext context, string type, string id, FhirGateway gateway, SupplierAdapterRegistry adapters, ElementSubsetter subsetter, FhirResponseWriter writer, ResourceVersions versions, TimeProvider timeProvider, RequestContexts contexts)
    {
        var format = FormatNegotiator.Negotiate(context);
        var feature = FacadeRequestFeature.Of(context);
        feature.Interaction = "read";
        feature.ResourceType = type;
        feature.ResourceId = id;
        if (!adapters.Serves(type, search: false))
        {
            throw UnsupportedType(type);
        }

        var (summary, elements) = SearchRequestParser.ParseResultParameters(RequestQuery.Of(context).Parameters);
        var result = await gateway.ReadAsync(contexts.For(context), type, id, context.RequestAborted);
        feature.Suppliers = [result.Resource.Supplier + "/" + result.Resource.Organisation];
        var version = versions.Stamp(result.Resource);
        context.Response.Headers.ETag = ConditionalRead.ETag(version);
        var lastModified = LastUpdated(result.Resource.Resource);
        if (lastModified is { } modified)
        {
            context.Response.Headers.LastModified = Microsoft.Net.Http.Headers.HeaderUtilities.FormatDate(modified);
        }

        // The caller holds this version already: 304 with the validators and no body (audited like the read it answers).
        if (ConditionalRead.IsNotModified(context.Request, version, lastModified, timeProvider.GetUtcNow()))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        feature.ResourceCount = 1;
        subsetter.Apply(result.Resource.Resource, summary, elements);
        await writer.WriteAsync(context, result.Resource.Resource, StatusCodes.Status200OK, format, context.RequestAborted);
    }

    // The query was parsed once at the edge (RequestLimitsMiddleware); the handlers read it from the request.
    private static Task GetSearchAsync(HttpContext context, string type, [AsParameters] SearchServices services) =>
        SearchAsync(context, type, RequestQuery.Of(context).Parameters, AuditInteractions.SearchType, services);

    // The form comes after the query's parameters, each in the order written; FormBodyReader answers a
    // body that is not a UTF-8 form (415), too large (413), too slow (408) or beyond the parameter limits (400).
    private static async Task PostSearchAsync(HttpContext context, string type, FormBodyReader forms, [AsParameters] SearchServices services)
    {
        var form = await forms.ReadParametersAsync(context.Request, $"POST {type}/_search", context.RequestAborted);
        await SearchAsync(context, type, [.. RequestQuery.Of(context).Parameters, .. form], AuditInteractions.SearchType, services);
    }

    private static Task GetCompartmentSearchAsync(HttpContext context, string id, string type, [AsParameters] SearchServices services) =>
        CompartmentSearchAsync(context, id, type, RequestQuery.Of(context).Parameters, services);

    private static async Task PostCompartmentSearchAsync(HttpContext context, string id, string type, FormBodyReader forms, [AsParameters] SearchServices services)
    {
        var form = await forms.ReadParametersAsync(context.Request, $"POST Patient/{{id}}/{type}/_search", context.RequestAborted);
        await CompartmentSearchAsync(context, id, type, [.. RequestQuery.Of(context).Parameters, .. form], services);
    }

    /// <summary>
    /// <c>Patient/{id}/{type}</c>: the type's search confined to the patient, exactly as <c>{type}?patient=Patient/{id}</c>
    /// (or <c>Patient?_id={id}</c>) with the caller's other parameters, so the same parsing, patient confinement, paging and
    /// audit apply. A second way of naming the patient, or a paging token (whose links lead to the type search), is 400.
    /// </summary>
    private static Task CompartmentSearchAsync(HttpContext context, string id, string type, IReadOnlyList<KeyValuePair<string, string>> parameters, SearchServices services)
    {
        FormatNegotiator.Negotiate(context);
        var feature = FacadeRequestFeature.Of(context);
        feature.Interaction = AuditInteractions.SearchCompartment;
        feature.ResourceType = type;
        if (!services.Adapters.Serves(type, search: false))
        {
            throw UnsupportedType(type);
        }

        if (!PatientCompartment.Contains(type))
        {
            throw new FacadeException(StatusCodes.Status404NotFound, new Issue("HTTP404-COMPARTMENT", IssueSeverity.Error, IssueType.NotSupported, $"{type} is not in the Patient compartment ({PatientCompartment.Definition}); read it by id, or include it from a search."));
        }

        if (parameters.Any(p => p.Key == SearchParameterNames.Page))
        {
            throw FacadeException.BadRequest("A compartment search is paged by the links it answers with, which lead to the type's search; follow them exactly as given.", SearchParameterNames.Page);
        }

        var renaming = parameters.Select(p => p.Key).FirstOrDefault(name => IsPatientParameter(type, name));
        if (renaming is not null)
        {
            throw FacadeException.BadRequest($"Patient/{{id}}/{type} already names the patient; '{renaming}' cannot name it again.", renaming);
        }

        // A facade id never holds a comma; escaped, one that does stays a single value (an id never issued).
        var criterion = PatientCompartment.Criterion(type, id.Replace(",", "\\,", StringComparison.Ordinal));
        return SearchAsync(context, type, [criterion, .. parameters], AuditInteractions.SearchCompartment, services);
    }

    private static bool IsPatientParameter(string type, string name)
    {
        var bare = name.Split(':', 2)[0];
        return bare == SearchParameterNames.PatientIdentifierChain
            || (bare == SearchParameterNames.Patient && type != FhirResourceTypes.Patient)
            || (bare == SearchParameterNames.Identifier && type == FhirResourceTypes.Patient);
    }

    private static async Task SearchAsync(HttpContext context, string type, IReadOnlyList<KeyValuePair<string, string>> parameters, string interaction, SearchServices services)
    {
        var format = FormatNegotiator.Negotiate(context);
        var feature = FacadeRequestFeature.Of(context);
        feature.Interaction = interaction;
        feature.ResourceType = type;
        if (!services.Adapters.Serves(type, search: false))
        {
            throw UnsupportedType(type);
        }

        if (!services.Adapters.Serves(type, search: true))
        {
            throw new FacadeException(StatusCodes.Status405MethodNotAllowed, FacadeException.SpineIssue(SpineErrorCodes.NotImplemented, IssueType.NotSupported, $"{type} can be read by id but not searched."));
        }

        parameters = PagingLinks.Resume(services.PageTokens, parameters, type, "The paging link is not valid: it was changed, or issued by another server. Follow next/previous links exactly as given.", out var offset);
        var strict = context.Request.Headers["Prefer"].Any(p => p is not null && p.Contains("handling=strict", StringComparison.OrdinalIgnoreCase));
        var request = SearchRequestParser.Parse(type, parameters, strict, services.Ids) with { Offset = offset };
        feature.PatientNhsNumber = (request.PatientNhsNumber ?? NhsNumberOf(request.Patient?.PatientId))?.Value;
        var result = await services.Gateway.SearchAsync(services.Contexts.For(context), request, context.RequestAborted);
        if (ReleasedText.SupplierTextIssues([.. result.Matches, .. result.Included]) is { Count: > 0 } textIssues)
        {
            result = result with { Issues = [.. result.Issues, .. textIssues] };
        }

        foreach (var resource in result.Matches.Concat(result.Included))
        {
            services.Versions.Stamp(resource);
        }

        feature.Suppliers = result.Suppliers;
        RecordSharingRefusal(feature, result.Issues);
        var baseUrl = services.BaseUrl.For(context.Request);
        var bundle = services.Bundles.Build(request, result, baseUrl);
        feature.ResourceCount = bundle.ResourceCount;
        await services.Writer.WriteAsync(context, bundle.Bundle, StatusCodes.Status200OK, format, context.RequestAborted);
    }

    // The audit record names the patient of a search by NHS number however the search named it: every adapter's native
    // Patient id is the NHS number the record is held under (as SmartAccessPolicy relies on), so Patient/{id} names it
    // as well as patient.identifier; an id that is not one leaves it unnamed, as before.
    private static NhsNumber? NhsNumberOf(FacadeResourceId? patientId) =>
        patientId is not null && NhsNumber.TryParse(patientId.NativeId, out var nhs) ? nhs : null;

    // meta.lastUpdated is the instant the record was retrieved (docs/adr/0009-freshness-and-provenance.md): the
    // latest time this server's copy of the resource can have changed, so it is the read's Last-Modified.
    private static DateTimeOffset? LastUpdated(ElementNode resource) =>
        resource.Child("meta")?.Child("lastUpdated")?.Text is { } text
            && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : null;

    // A search an organisation refused to share with answers 200, but the audit record keeps the refusal (docs/adr/0006-organisation-sharing-refusals.md).
    private static void RecordSharingRefusal(FacadeRequestFeature feature, IReadOnlyList<Issue> issues)
    {
        if (issues.FirstOrDefault(i => i.Detail?.Code == SpineErrorCodes.NoOrganisationConsent) is { } refusal)
        {
            feature.IssueCode = refusal.Type.ToCode();
            feature.SpineCode = SpineErrorCodes.NoOrganisationConsent;
        }
    }

    private static Task WriteNotAllowed(HttpContext context)
    {
        FormatNegotiator.Negotiate(context);
        throw new FacadeException(StatusCodes.Status405MethodNotAllowed, new Issue("HTTP405", IssueSeverity.Error, IssueType.NotSupported, $"{context.Request.Method} is not allowed: this facade is read-only."));
    }

    private static Task NotFound(HttpContext context)
    {
        FormatNegotiator.Negotiate(context);
        throw new FacadeException(StatusCodes.Status404NotFound, new Issue("HTTP404", IssueSeverity.Error, IssueType.NotSupported, "No FHIR interaction is served at this path."));
    }

    private static FacadeException UnsupportedType(string type) =>
        new(StatusCodes.Status404NotFound, new Issue("HTTP404-TYPE", IssueSeverity.Error, IssueType.NotSupported, $"The resource type '{(type.Length <= 64 ? type : type[..64])}' is not supported."));
}
