using System.Text;
using FhirFacade.Core.Audit;
using FhirFacade.Core.Errors;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Resources;
using FhirFacade.Fhir.Serialization.Xml;
using FhirFacade.Fhir.Validation;
using FhirFacade.Server.Http;
using FhirFacade.Server.Security;

namespace FhirFacade.Server.Endpoints;

/// <summary>
/// <c>$validate</c> (<see href="https://hl7.org/fhir/R4/resource-operation-validate.html"/>):
/// <c>POST [base]/$validate</c> and <c>POST [base]/[type]/$validate</c> with a resource, or a
/// <c>Parameters</c> carrying <c>resource</c>, <c>profile</c> and <c>mode</c>, in JSON or XML. The answer is
/// an OperationOutcome: 200 whether or not the resource is valid, 400 only when the body cannot be read
/// as a resource at all, 413 over <see cref="MaxBodyBytes"/>, 415 for a body that is neither FHIR JSON nor
/// XML, or one whose <c>fhirVersion</c> parameter names another FHIR version. It validates what the caller sent with the same validator that guards the facade's answers and
/// touches no patient record: the caller needs read access to the resource type validated (the route's,
/// else the body's). Audited like every request, with the type only, never the content.
/// </summary>
public static class ValidateEndpoints
{
    /// <summary>The largest body accepted (1 MiB): far above any single GP-record resource.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>The operation's name, as routed and declared in the CapabilityStatement.</summary>
    public const string OperationName = "validate";

    /// <summary>The operation's definition in R4 core.</summary>
    public const string OperationDefinition = "http://hl7.org/fhir/OperationDefinition/Resource-validate";

    private const string ParametersType = "Parameters";

    /// <summary>Maps both routes under the FHIR base path group.</summary>
    public static RouteGroupBuilder MapValidate(this RouteGroupBuilder fhir)
    {
        ArgumentNullException.ThrowIfNull(fhir);

        // A token is required before routing's choice is served; the scope is on the type being validated, which for
        // the system-level form is only known from the body (and may be any R4 resource type, served or not), so
        // ValidateAsync checks it itself (RequireReadAccess) before any validation is done.
        fhir.MapPost("/$" + OperationName, (HttpContext context, [AsParameters] ValidateServices services) => ValidateAsync(context, null, services)).WithAccess(EndpointAccess.Token);
        fhir.MapPost("/{type:regex(^[A-Z][A-Za-z]+$)}/$" + OperationName, (HttpContext context, string type, [AsParameters] ValidateServices services) => ValidateAsync(context, type, services)).WithAccess(EndpointAccess.Token);
        return fhir;
    }

    private static async Task ValidateAsync(HttpContext context, string? routeType, ValidateServices services)
    {
        var format = FormatNegotiator.Negotiate(context);
        var model = services.Model;
        var feature = FacadeRequestFeature.Of(context);
        feature.Interaction = AuditInteractions.Operation;
        feature.ResourceType = routeType;
        if (routeType is not null)
        {
            if (model.FindType(routeType) is not { IsResource: true })
            {
                throw new FacadeException(StatusCodes.Status404NotFound, new Issue("HTTP404-TYPE", IssueSeverity.Error, IssueType.NotSupported, $"'{Truncate(routeType)}' is not a FHIR R4 resource type."));
            }

            RequireReadAccess(context, routeType);
        }

        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        var parsed = Parse(context.Request, body, services.Kernel, model);
        if (parsed.Root is not { IsResource: true } root)
        {
            throw Unreadable(parsed.Issues);
        }

        var (resource, profile) = Unwrap(root, routeType, RequestQuery.Of(context).Value("profile"));
        feature.ResourceType ??= resource.InstanceType;
        if (routeType is null)
        {
            RequireReadAccess(context, resource.InstanceType);
        }

        var issues = new List<Issue>();
        issues.AddRange(parsed.Issues.Where(i => !IsAboutWrapper(i, root, resource)));
        if (routeType is not null && resource.InstanceType != routeType)
        {
            issues.Add(new Issue("VALIDATE-TYPE", IssueSeverity.Error, IssueType.Invalid, $"The resource is a {resource.InstanceType}, but $validate was invoked on {routeType}.", resource.InstanceType));
        }

        // A resource inside Parameters is validated on its own, so that locations read Patient.birthDate.
        var target = ReferenceEquals(resource, root) ? resource : Detach(resource);
        issues.AddRange(services.Validator.Validate(target, profile).Issues);
        if (issues.Count == 0)
        {
            issues.Add(new Issue("VALIDATE-OK", IssueSeverity.Information, IssueType.Informational, "No issues were found."));
        }

        await services.Writer.WriteAsync(
            context, OperationOutcome.FromIssues(issues).ToElementNode(model), StatusCodes.Status200OK, format, context.RequestAborted);
    }

    private static void RequireReadAccess(HttpContext context, string resourceType)
    {
        if (context.GetCaller() is { } caller && !caller.IsGranted(resourceType, ScopeAccess.Read))
        {
            var exception = FacadeException.Forbidden(SpineErrorCodes.AccessDenied, $"The access token does not grant read access to {resourceType}, so it cannot validate one.");
            exception.Headers["WWW-Authenticate"] = $"Bearer realm=\"FhirFacade\", error=\"insufficient_scope\", error_description=\"scope does not cover {resourceType}\"";
            throw exception;
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            throw TooLarge();
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        // A UTF-8 byte order mark is allowed before JSON or XML text; neither parser wants it.
        var bytes = buffer.ToArray();
        return bytes is [0xEF, 0xBB, 0xBF, ..] ? bytes[3..] : bytes;
    }

    private static FhirParseResult Parse(HttpRequest request, byte[] body, FhirKernel kernel, IFhirModel model)
    {
        if (FhirMediaTypes.FhirVersionOf(request.ContentType) is { } version && !FhirMediaTypes.IsR4FhirVersion(version))
        {
            throw new FacadeException(
                StatusCodes.Status415UnsupportedMediaType,
                new Issue("HTTP415", IssueSeverity.Error, IssueType.NotSupported, $"The body is declared as fhirVersion={Truncate(version)}; this server reads FHIR R4 (fhirVersion=4.0) only."));
        }

        var mediaType = (request.ContentType ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();
        return mediaType switch
        {
            FhirMediaTypes.Json or "application/json" or "text/json" => kernel.JsonParser.Parse(body),
            FhirMediaTypes.Xml or "application/xml" or "text/xml" => new FhirXmlParser(model).Parse(Encoding.UTF8.GetString(body)),
            _ => throw new FacadeException(
                StatusCodes.Status415UnsupportedMediaType,
                new Issue("HTTP415", IssueSeverity.Error, IssueType.NotSupported, $"$validate needs a body of type {FhirMediaTypes.Json} or {FhirMediaTypes.Xml}.")),
        };
    }

    // A Parameters body carries the resource (and optionally profile and mode); any other resource is validated itself.
    private static (ElementNode Resource, string? Profile) Unwrap(ElementNode root, string? routeType, string queryProfile)
    {
        var profile = queryProfile.Length > 0 ? queryProfile : null;
        if (root.InstanceType != ParametersType || routeType == ParametersType)
        {
            return (root, profile);
        }

        ElementNode? resource = null;
        foreach (var parameter in root.ChildrenNamed("parameter"))
        {
            switch (parameter.Child("name")?.Text)
            {
                case "resource":
                    resource = parameter.Child("resource");
                    break;
                case "profile":
                    profile = parameter.Child("value")?.Text ?? profile;
                    break;
                case "mode" when parameter.Child("value")?.Text is { } mode && mode is not ("create" or "update"):
                    throw new FacadeException(
                        StatusCodes.Status422UnprocessableEntity,
                        FacadeException.SpineIssue(SpineErrorCodes.InvalidParameter, IssueType.NotSupported, "mode must be create or update (or absent): this facade is read-only and has nothing to delete.", location: "Parameters.parameter.value"));
            }
        }

        return resource is { IsResource: true } ? (resource, profile) : throw Unreadable([new Issue("VALIDATE-NO-RESOURCE", IssueSeverity.Error, IssueType.Required, "The Parameters carry no 'resource' parameter with a resource to validate.", "Parameters.parameter")]);
    }

    private static ElementNode Detach(ElementNode resource)
    {
        var detached = new ElementNode(resource.InstanceType, resource.InstanceType, resource.Type);
        foreach (var child in resource.Children)
        {
            detached.AddChild(child.DeepCopy());
        }

        return detached;
    }

    // Issues the parser found in the Parameters wrapper outside the resource are about the request, not the resource.
    private static bool IsAboutWrapper(Issue issue, ElementNode root, ElementNode resource) =>
        !ReferenceEquals(root, resource) && issue.Location is { } location && !location.StartsWith(resource.Location, StringComparison.Ordinal);

    private static FacadeException Unreadable(IReadOnlyList<Issue> issues) =>
        new(StatusCodes.Status400BadRequest, [FacadeException.SpineIssue(SpineErrorCodes.BadRequest, IssueType.Invalid, "The body could not be read as a FHIR resource."), .. issues.Where(i => i.IsError).Take(10)]);

    private static FacadeException TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, new Issue("HTTP413", IssueSeverity.Error, IssueType.TooLong, $"The body is larger than {MaxBodyBytes} bytes, the most $validate accepts."));

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64];
}
