namespace FhirFacade.Core.Audit;

/// <summary>Code and identifier systems used when an audit entry is shown as a FHIR R4 AuditEvent.</summary>
public static class AuditFhirSystems
{
    public const string AuditEventType = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    public const string RestfulInteraction = "http://hl7.org/fhir/restful-interaction";
    public const string SecuritySourceType = "http://terminology.hl7.org/CodeSystem/security-source-type";
    public const string AuditEntityType = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    public const string ObjectRole = "http://terminology.hl7.org/CodeSystem/object-role";
    public const string NhsNumber = "https://fhir.nhs.uk/Id/nhs-number";
    public const string OdsOrganizationCode = "https://fhir.nhs.uk/Id/ods-organization-code";
    public const string SdsUserId = "https://fhir.nhs.uk/Id/sds-user-id";
}
