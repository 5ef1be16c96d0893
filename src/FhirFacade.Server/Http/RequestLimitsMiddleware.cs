using FhirFacade.Server.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace FhirFacade.Server.Http;

/// <summary>
/// Refuses, before anything reads it, a request whose target is too long (414), whose headers are too
/// large (431) or whose query has too many or too long parameters (400) — as OperationOutcomes, after
/// the audit and the exception handler so that the refusal is audited. Kestrel's own limits sit
/// above these (<see cref="KestrelLimits"/>), so it refuses on its own only far beyond them.
/// </summary>
internal sealed class RequestLimitsMiddleware(RequestDelegate next, IOptions<RequestLimitsOptions> options)
{
    // Per header line: ": " and CRLF, as on the wire.
    private const int HeaderLineOverhead = 4;
    private readonly RequestLimitsOptions _limits = options.Value;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var targetLength = string.IsNullOrEmpty(target)
            ? (request.PathBase.Value?.Length ?? 0) + (request.Path.Value?.Length ?? 0) + (request.QueryString.Value?.Length ?? 0)
            : target.Length;
        if (targetLength > _limits.MaxRequestTargetLength)
        {
            throw RequestRejections.TargetTooLong(_limits.MaxRequestTargetLength);
        }

        var headerBytes = 0;
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                headerBytes += name.Length + (value?.Length ?? 0) + HeaderLineOverhead;
            }
        }

        if (headerBytes > _limits.MaxRequestHeadersBytes)
        {
            throw RequestRejections.HeadersTooLarge(_limits.MaxRequestHeadersBytes);
        }

        // Parsed once, here, and kept on the request (RequestQuery): everything after reads it from there.
        if (request.QueryString.HasValue)
        {
            RequestParameters.EnforceLimits(RequestQuery.Of(context).Parameters, _limits);
        }

        return next(context);
    }
}
