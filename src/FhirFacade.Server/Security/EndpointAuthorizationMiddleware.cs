using FhirFacade.Core.Errors;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;

namespace FhirFacade.Server.Security;

/// <summary>
/// The one authorization decision, made after routing on the endpoint routing chose, from the
/// <see cref="EndpointAccess"/> it declares — never from the request path, so every spelling of a path
/// that routing accepts (letter case, encodings, dot segments) gets the decision of the endpoint it
/// reaches. Fails closed: no endpoint, or an endpoint that declares nothing, is 404 and never served.
/// A missing or invalid token is 401 with an RFC 6750 challenge; a valid token without the scope 403
/// <c>insufficient_scope</c> (Spine <c>ACCESS_DENIED</c>). Errors are thrown as
/// <see cref="FacadeException"/> for the one exception handler to write as an OperationOutcome.
/// </summary>
/// <remarks>
/// Routing must run before this middleware (the minimal host puts <c>UseRouting</c> first). A
/// resource type bound by routing is matched case-insensitively by the route; one the facade does not
/// serve under exactly that name is answered 404 here, after the token check, so no spelling of a type
/// reaches a scope check under another name.
/// </remarks>
internal sealed partial class EndpointAuthorizationMiddleware(
    RequestDelegate next,
    SmartTokenValidator validator,
    SmartEndpoints endpoints,
    SupplierAdapterRegistry adapters,
    ILogger<EndpointAuthorizationMiddleware> logger)
{
    private const string Realm = "FhirFacade";

    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null)
        {
            throw NotServed();
        }

        var access = endpoint.Metadata.GetMetadata<EndpointAccess>();
        if (access is null)
        {
            // A mapped endpoint without a declaration is a bug to hear about; routing's own endpoints (its 405
            // for a method no mapped endpoint accepts) are not RouteEndpoints and are refused quietly.
            if (endpoint is RouteEndpoint)
            {
                LogUndeclaredEndpoint(logger, endpoint.DisplayName ?? "(unnamed)", context.TraceIdentifier);
            }

            throw NotServed();
        }

        if (access.Kind == EndpointAccessKind.Anonymous)
        {
            await next(context);
            return;
        }

        var caller = await AuthenticateAsync(context);
        context.SetCaller(caller);
        if (access.Kind == EndpointAccessKind.Scope)
        {
            Authorize(caller, ResourceType(context, access), access);
        }

        await next(context);
    }

    private async Task<FacadeCaller> AuthenticateAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            throw FacadeException.Unauthorized(TokenValidationOutcome.Describe(TokenRejection.Missing), $"Bearer realm=\"{Realm}\"");
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            throw Unauthorized(TokenRejection.Malformed, "invalid_request");
        }

        var outcome = await validator.ValidateAsync(
            header["Bearer ".Length..].Trim(),
            endpoints.ExpectedIssuer,
            endpoints.Audience,
            context.RequestAborted);
        return outcome.Caller ?? throw Unauthorized(outcome.Rejection!.Value, "invalid_token");
    }

    /// <summary>The resource type the scope must cover: fixed by the endpoint, or the route value routing bound (a served type, exactly).</summary>
    private string ResourceType(HttpContext context, EndpointAccess access)
    {
        if (access.ResourceType is { } fixedType)
        {
            return fixedType;
        }

        var bound = context.GetRouteValue(access.ResourceTypeRouteValue!) as string;
        if (string.IsNullOrEmpty(bound) || !adapters.Serves(bound, search: false))
        {
            throw new FacadeException(StatusCodes.Status404NotFound, new Issue(
                "HTTP404-TYPE",
                IssueSeverity.Error,
                IssueType.NotSupported,
                $"The resource type '{(bound is null || bound.Length <= 64 ? bound : bound[..64])}' is not supported."));
        }

        return bound;
    }

    private static void Authorize(FacadeCaller caller, string resourceType, EndpointAccess access)
    {
        var granted = access.ExplicitScopeOnly ? caller.IsGrantedExplicitly(resourceType, access.Access) : caller.IsGranted(resourceType, access.Access);
        if (granted)
        {
            return;
        }

        var exception = FacadeException.Forbidden(
            SpineErrorCodes.AccessDenied,
            access.ExplicitScopeOnly
                ? $"The access token does not grant {Describe(access.Access)} access to {resourceType}: it needs the user/{resourceType}.rs or system/{resourceType}.rs scope (a wildcard scope does not grant it)."
                : $"The access token does not grant {Describe(access.Access)} access to {resourceType}.");
        exception.Headers["WWW-Authenticate"] = $"Bearer realm=\"{Realm}\", error=\"insufficient_scope\", error_description=\"scope does not cover {resourceType}\"";
        throw exception;
    }

    private static FacadeException Unauthorized(TokenRejection rejection, string error)
    {
        var description = TokenValidationOutcome.Describe(rejection);
        return FacadeException.Unauthorized(description, $"Bearer realm=\"{Realm}\", error=\"{error}\", error_description=\"{description}\"");
    }

    private static FacadeException NotServed() =>
        new(StatusCodes.Status404NotFound, new Issue("HTTP404", IssueSeverity.Error, IssueType.NotSupported, "No FHIR interaction is served at this path."));

    private static string Describe(ScopeAccess access) => access == ScopeAccess.Search ? "search" : "read";

    [LoggerMessage(EventId = 3301, Level = LogLevel.Warning, Message = "Request {CorrelationId} reached endpoint '{Endpoint}', which declares no access requirement; refused with 404")]
    private static partial void LogUndeclaredEndpoint(ILogger logger, string endpoint, string correlationId);
}
