using FhirFacade.Core.Audit;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace FhirFacade.Server.Http;

/// <summary>
/// CORS for browser apps (<see cref="CrossOriginPolicy"/>). A preflight (<c>OPTIONS</c> with <c>Origin</c>
/// and <c>Access-Control-Request-Method</c>) is answered here, 204 with no body, before the token check
/// and without reaching any endpoint: with the allow headers when the origin is allowed, with none
/// otherwise (the browser then refuses the real request). It is audited like every request, as
/// interaction <c>other</c> with no caller, patient or resource. Any other request goes on unchanged, and
/// its answer — whatever it is, refusals and errors included, so that a browser app can read the
/// OperationOutcome and the challenge — carries <c>Access-Control-Allow-Origin</c> and the exposed
/// headers when its origin is allowed.
/// </summary>
internal sealed class CrossOriginMiddleware(RequestDelegate next, CrossOriginPolicy policy)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.Headers.TryGetValue(HeaderNames.Origin, out var origin))
        {
            return next(context);
        }

        var allowed = policy.Allow(origin);
        if (IsPreflight(request))
        {
            AnswerPreflight(context, allowed);
            return Task.CompletedTask;
        }

        context.Response.OnStarting(
            static state =>
            {
                var (response, allowedOrigin) = ((HttpResponse, string?))state;
                response.Headers.Append(HeaderNames.Vary, HeaderNames.Origin);
                if (allowedOrigin is not null)
                {
                    response.Headers.AccessControlAllowOrigin = allowedOrigin;
                    response.Headers.AccessControlExposeHeaders = CrossOriginPolicy.ExposedHeaders;
                }

                return Task.CompletedTask;
            },
            (context.Response, allowed));
        return next(context);
    }

    private static bool IsPreflight(HttpRequest request) =>
        HttpMethods.IsOptions(request.Method) && !StringValues.IsNullOrEmpty(request.Headers.AccessControlRequestMethod);

    private void AnswerPreflight(HttpContext context, string? allowed)
    {
        FacadeRequestFeature.Of(context).Interaction = AuditInteractions.Other;
        var response = context.Response;
        response.StatusCode = StatusCodes.Status204NoContent;
        response.Headers.Append(HeaderNames.Vary, HeaderNames.Origin);
        if (allowed is null)
        {
            return;
        }

        // The whole lists, whatever was asked: the browser compares them with what it wants to send.
        response.Headers.AccessControlAllowOrigin = allowed;
        response.Headers.AccessControlAllowMethods = CrossOriginPolicy.AllowedMethods;
        response.Headers.AccessControlAllowHeaders = CrossOriginPolicy.AllowedHeaders;
        response.Headers.AccessControlMaxAge = policy.MaxAge;
    }
}
