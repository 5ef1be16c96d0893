namespace FhirFacade.Server.Health;

/// <summary>The body of <c>GET /health/suppliers</c>: <c>Healthy</c> when every endpoint accepted a connection, else <c>Degraded</c>.</summary>
internal sealed record SupplierReachabilityReport(string Status, IReadOnlyList<OrganisationReachability> Organisations);
