using System.Collections.Immutable;
using FhirFacade.Core.Gateway;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;
using Microsoft.Extensions.Options;

namespace FhirFacade.Server.Security;

/// <summary>
/// Builds the gateway's <see cref="RequestContext"/> at the edge, once per request, from what the pipeline
/// established before the endpoint ran: the caller the validated token named (<see cref="EndpointAuthorizationMiddleware"/>),
/// the correlation id (<c>HttpContext.TraceIdentifier</c>, set by the correlation-id middleware) and the request budget
/// (<see cref="GatewayOptions.OverallBudget"/>). Nothing past this point reads the caller from <see cref="HttpContext"/>.
/// The SMART <c>patient</c> claim is decoded here, once (<see cref="Caller.PatientId"/>), for every decision
/// <see cref="SmartAccessPolicy"/> makes on the request.
/// </summary>
internal sealed class RequestContexts(IOptions<GatewayOptions> options, ResourceIdCodec ids)
{
    private readonly TimeSpan _budget = options.Value.OverallBudget;

    /// <summary>The context of <paramref name="context"/>'s request.</summary>
    public RequestContext For(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new RequestContext(ToCaller(context.GetCaller(), ids), context.TraceIdentifier, _budget);
    }

    /// <summary>
    /// The gateway's view of a validated caller, its launch patient decoded with <paramref name="ids"/> (a claim that does
    /// not decode leaves <see cref="Caller.PatientId"/> empty: confined to nobody); <see langword="null"/> stays
    /// <see langword="null"/> (open endpoints, no token).
    /// </summary>
    public static Caller? ToCaller(FacadeCaller? caller, ResourceIdCodec ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (caller is null)
        {
            return null;
        }

        return new Caller(caller.ClientId, [.. caller.ScopeClaims], caller.PatientContext, caller.OrganisationOds)
        {
            PatientId = ids.TryDecode(FhirResourceTypes.Patient, caller.PatientContext, out var patient) ? patient : null,
        };
    }
}
