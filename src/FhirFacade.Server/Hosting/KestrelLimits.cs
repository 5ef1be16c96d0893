using FhirFacade.Server.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace FhirFacade.Server.Hosting;

/// <summary>
/// Kestrel's own limits, derived from <see cref="RequestLimitsOptions"/>. Kestrel answers a request
/// line, target or header block it refuses by itself — status only, no body, connection closed — before
/// the application sees the request, so nothing can turn that answer into an OperationOutcome or audit
/// it. Its limits are therefore set at twice the facade's: between the two, the facade refuses with an
/// OperationOutcome (<see cref="RequestLimitsMiddleware"/>); only far beyond does Kestrel answer alone.
/// The body limit bounds what Kestrel will take for any request (the facade reads only form bodies).
/// </summary>
internal sealed class KestrelLimits(IOptions<RequestLimitsOptions> limits) : IConfigureOptions<KestrelServerOptions>
{
    /// <summary>Kestrel's ceiling on any request body; only <c>POST _search</c> forms are read, and they are far smaller.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public void Configure(KestrelServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = limits.Value;
        options.Limits.MaxRequestLineSize = value.MaxRequestTargetLength * 2;
        options.Limits.MaxRequestHeadersTotalSize = value.MaxRequestHeadersBytes * 2;
        options.Limits.MaxRequestBodySize = Math.Max(MaxRequestBodyBytes, value.MaxFormBodyBytes);
    }
}
