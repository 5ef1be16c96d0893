namespace FhirFacade.Server.Auditing;

/// <summary>Code systems of the FHIR AuditEvent resource (https://hl7.org/fhir/R4/auditevent.html).</summary>
internal static class AuditCodes
{
    public const string EventTypeSystem = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    public const string RestfulInteractionSystem = "http://hl7.org/fhir/restful-interaction";
    public const string SourceTypeSystem = "http://terminology.hl7.org/CodeSystem/security-source-type";
    public const string EntityTypeSystem = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    public const string ObjectRoleSystem = "http://terminology.hl7.org/CodeSystem/object-role";
    public const string ParticipationTypeSystem = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    public const string ClientIdSystem = "https://fhirfacade.example.org/Id/oauth-client-id";
}
