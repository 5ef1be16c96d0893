namespace FhirFacade.Server.Auditing;

/// <summary>A search parameter of <c>[base]/AuditEvent</c>, as the CapabilityStatement declares it.</summary>
/// <param name="Name">The name in the query.</param>
/// <param name="Type">The R4 search parameter type code.</param>
/// <param name="Definition">The R4 SearchParameter it implements, when it implements one as defined.</param>
/// <param name="Documentation">What it matches here.</param>
public sealed record AuditEventSearchParameter(string Name, string Type, string? Definition, string Documentation);
