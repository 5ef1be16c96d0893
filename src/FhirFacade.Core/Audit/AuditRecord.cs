namespace FhirFacade.Core.Audit;

/// <summary>
/// One audited request: who asked, what they asked for, what happened and when.
/// It never holds clinical content: the only patient identifier allowed is the NHS number,
/// and <see cref="PathTemplate"/> is the route template (e.g. <c>/MedicationStatement</c> or
/// <c>/Patient/{id}</c>), never the query string.
/// </summary>
public sealed record AuditRecord
{
    /// <summary>When the request was handled (UTC, from the caller's injected <see cref="TimeProvider"/>).</summary>
    public required DateTimeOffset Recorded { get; init; }

    /// <summary>The correlation id returned to the client (and in any OperationOutcome).</summary>
    public required string CorrelationId { get; init; }

    /// <summary>The caller, from the access token; all fields empty when the request carried no valid token.</summary>
    public AuditAgent Agent { get; init; } = AuditAgent.Anonymous;

    /// <summary>The FHIR interaction, one of <see cref="AuditInteractions"/>.</summary>
    public required string Interaction { get; init; }

    /// <summary>The HTTP method (GET, POST, ...).</summary>
    public required string Method { get; init; }

    /// <summary>The request path template without query values (e.g. <c>/Patient/{id}</c>).</summary>
    public required string PathTemplate { get; init; }

    /// <summary>The FHIR resource types requested or returned.</summary>
    public IReadOnlyList<string> ResourceTypes { get; init; } = [];

    /// <summary>The patient's NHS number (10 digits) when the request concerned one patient.</summary>
    public string? PatientNhsNumber { get; init; }

    /// <summary>The supplier systems and organisations consulted to answer the request.</summary>
    public IReadOnlyList<AuditSource> Sources { get; init; } = [];

    /// <summary>How many resources the response carried.</summary>
    public int ResourceCount { get; init; }

    /// <summary>The HTTP status and error codes of the response.</summary>
    public required AuditOutcome Outcome { get; init; }

    /// <summary>The client's IP address as seen by the server.</summary>
    public string? SourceIp { get; init; }
}
