using FhirFacade.Core.Errors;
using FhirFacade.Fhir.Issues;

namespace FhirFacade.Server.Security;

/// <summary>
/// Requires a valid SMART bearer token on every FHIR request except the open ones
/// (<c>/metadata</c>, <c>/.well-known/smart-configuration</c>), and enforces the token's scopes per
/// interaction and resource type. Missing/invalid tokens → 401 with an RFC 6750 challenge; a valid
/// token without the scope → 403 <c>insufficient_scope</c>. Errors are thrown as
/// <see cref="FacadeException"/> for the one exception handler to write as OperationOutcome.
/// </summary>
public sealed class SmartAuthenticationMiddleware(
    RequestDelegate next,
    SmartTokenValidator validator,
    SmartEndpoints endpoints)
{
    private const string Realm = "FhirFacade";

    public async Task InvokeAsync(HttpContext context)
    {
        var target = FhirRequestTarget.From(context.Request, endpoints.FhirBasePath);
        if (target is null || target.IsOpen)
        {
            await next(context);
            return;
        }

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
            endpoints.ExpectedIssuer(context.Request),
            endpoints.FhirBaseUrl(context.Request),
            context.RequestAborted);
        if (!outcome.IsValid)
        {
            throw Unauthorized(outcome.Rejection!.Value, "invalid_token");
        }

        var caller = outcome.Caller!;
        context.SetCaller(caller);

        if (target.ResourceType is not null && target.Access != ScopeAccess.None && !caller.IsGranted(target.ResourceType, target.Access))
        {
            var exception = FacadeException.Forbidden(
                SpineErrorCodes.AccessDenied,
                $"The access token does not grant {Describe(target.Access)} access to {target.ResourceType}.");
            exception.Headers["WWW-Authenticate"] = $"Bearer realm=\"{Realm}\", error=\"insufficient_scope\", error_description=\"scope does not cover {target.ResourceType}\"";
            throw exception;
        }

        await next(context);
    }

    private static FacadeException Unauthorized(TokenRejection rejection, string error)
    {
        var description = TokenValidationOutcome.Describe(rejection);
        return FacadeException.Unauthorized(description, $"Bearer realm=\"{Realm}\", error=\"{error}\", error_description=\"{description}\"");
    }

    private static string Describe(ScopeAccess access) => access == ScopeAccess.Search ? "search" : "read";
}
