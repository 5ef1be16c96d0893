namespace FhirFacade.Server.Health;

/// <summary>
/// Endpoint metadata of the load balancer's probes (<c>/health/live</c>, <c>/health/ready</c>): they are
/// not audited (no caller, no patient, no supplier; docs/audit.md "Probes") and are answered while the
/// process drains, so that readiness can say it is going. Decided on the endpoint routing chose, never
/// on the path.
/// </summary>
internal sealed class ProbeEndpoint
{
    private ProbeEndpoint()
    {
    }

    public static ProbeEndpoint Instance { get; } = new();

    /// <summary><see langword="true"/> when routing chose a probe for this request.</summary>
    public static bool IsProbe(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<ProbeEndpoint>() is not null;
}
