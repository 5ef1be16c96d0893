using FhirFacade.Fhir.Issues;

namespace FhirFacade.Core.Gateway;

/// <summary>The resource a read found, and any issues (warnings) about it.</summary>
public sealed record GatewayReadResult(GatewayResource Resource, IReadOnlyList<Issue> Issues);
