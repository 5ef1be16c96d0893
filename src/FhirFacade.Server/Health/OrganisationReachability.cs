namespace FhirFacade.Server.Health;

/// <summary>Whether one organisation's supplier endpoint accepted a connection, and how long it took (for the operator's report).</summary>
/// <param name="OdsCode">The organisation's ODS code.</param>
/// <param name="Supplier">The supplier id of its system.</param>
/// <param name="Reachable">A TCP connection to its endpoint was accepted within the probe's timeout.</param>
/// <param name="Milliseconds">How long the connection took, or how long the probe waited.</param>
internal sealed record OrganisationReachability(string OdsCode, string Supplier, bool Reachable, long Milliseconds);
