using System.Globalization;
using FhirFacade.Core.Errors;
using FhirFacade.Fhir.Issues;
using FhirFacade.Server.Health;
using Microsoft.Extensions.Options;

namespace FhirFacade.Server.Hosting;

/// <summary>
/// While the process drains, every new request except the probes is turned away before anything is
/// done for it: 503, <c>Retry-After</c>, <c>Connection: close</c> (the client's next request goes to
/// another connection, through the balancer to another instance) and an OperationOutcome
/// (<c>transient</c>, <c>FACADE-SHUTTING-DOWN</c>). It sits inside the audit, so the refusal is audited
/// like any answer; requests already past it run to the end.
/// </summary>
internal sealed class DrainingMiddleware(RequestDelegate next, FacadeLifecycle lifecycle, IOptions<ShutdownOptions> options)
{
    /// <summary>The issue code of a request turned away while draining.</summary>
    public const string IssueCode = "FACADE-SHUTTING-DOWN";

    private readonly string _retryAfter = ((int)Math.Ceiling(options.Value.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    public Task InvokeAsync(HttpContext context)
    {
        if (!lifecycle.IsDraining || ProbeEndpoint.IsProbe(context))
        {
            return next(context);
        }

        var refusal = new FacadeException(StatusCodes.Status503ServiceUnavailable, new Issue(
            IssueCode,
            IssueSeverity.Error,
            IssueType.Transient,
            $"This facade instance is shutting down and did not start this request; no supplier system was asked. Try again after {_retryAfter} s. Correlation id: {context.TraceIdentifier}."));
        refusal.Headers["Retry-After"] = _retryAfter;
        refusal.Headers["Connection"] = "close";
        throw refusal;
    }
}
