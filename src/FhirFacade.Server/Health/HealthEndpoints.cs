using FhirFacade.Core.Audit;
using FhirFacade.Server.Http;
using FhirFacade.Server.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FhirFacade.Server.Health;

/// <summary>
/// The probes a load balancer or orchestrator uses, and the operator's supplier report
/// (docs/operations.md "Probes"):
/// <list type="bullet">
/// <item><c>GET /health/live</c>: the process answers (no check; never depends on a store or a supplier);</item>
/// <item><c>GET /health/ready</c>: started and not draining, FHIR packages loaded and UK Core validators
/// compiled, audit store writable, organisation directory loaded (200 <c>Healthy</c>, else 503 <c>Unhealthy</c>);</item>
/// <item><c>GET /health/suppliers</c>: whether each organisation's supplier endpoint accepts a connection,
/// for a token with the explicit <c>system/Endpoint.rs</c> (or <c>user/Endpoint.rs</c>) scope; never readiness.</item>
/// </list>
/// The two probes are anonymous, answer plain text, are never shed or audited, and keep answering while
/// the process drains.
/// </summary>
public static class HealthEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string SuppliersPath = "/health/suppliers";

    /// <summary>The scope's resource type that grants the supplier report: FHIR's Endpoint, the technical details of a system's address.</summary>
    public const string SuppliersScopeType = "Endpoint";

    /// <summary>The tag of the checks readiness runs.</summary>
    public const string ReadyTag = "ready";

    private static readonly string[] ProbeMethods = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>The lifecycle state, the readiness checks and the supplier probe.</summary>
    public static IServiceCollection AddHealthProbes(this IServiceCollection services)
    {
        services.TryAddSingleton<FacadeLifecycle>();
        services.AddSingleton<SupplierReachabilityProbe>();
        services.AddHealthChecks()
            .AddCheck<LifecycleHealthCheck>("lifecycle", tags: [ReadyTag])
            .AddCheck<KernelHealthCheck>("fhir-kernel", tags: [ReadyTag])
            .AddCheck<AuditStoreHealthCheck>("audit-store", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<OrganisationDirectoryHealthCheck>("organisation-directory", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthProbes(this IEndpointRouteBuilder endpoints)
    {
        Probe(endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false }));
        Probe(endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }));
        endpoints.MapMethods(SuppliersPath, ProbeMethods, SuppliersAsync)
            .ExcludeFromDescription()
            .WithAccess(EndpointAccess.Scope(SuppliersScopeType, ScopeAccess.Read, explicitScopeOnly: true))
            .DisableRateLimiting();
        return endpoints;
    }

    private static void Probe(IEndpointConventionBuilder builder) => builder
        .WithMetadata(new HttpMethodMetadata(ProbeMethods), ProbeEndpoint.Instance)
        .WithAccess(EndpointAccess.Anonymous)
        .DisableRateLimiting();

    private static async Task<IResult> SuppliersAsync(HttpContext context, SupplierReachabilityProbe probe)
    {
        FacadeRequestFeature.Of(context).Interaction = AuditInteractions.Operation;
        return Results.Json(await probe.ProbeAsync(context.RequestAborted));
    }
}
