namespace FhirFacade.Fhir.Conformance;

/// <summary>
/// International code systems and HL7 terminology systems the facade writes
/// (<see href="https://terminology.hl7.org/"/>), checked against the R4 core and UK Core packages.
/// </summary>
public static class FhirSystems
{
    /// <summary>SNOMED CT (UK edition concept ids).</summary>
    public const string Snomed = "http://snomed.info/sct";

    /// <summary>NHS Dictionary of medicines and devices (dm+d).</summary>
    public const string Dmd = "https://dmd.nhs.uk";

    /// <summary>Read codes version 2 (Vision, Evolution); not in the packages, as in docs/domain.md.</summary>
    public const string ReadV2 = "http://read.info/readv2";

    /// <summary>Clinical Terms Version 3 (Read v3, SystmOne).</summary>
    public const string Ctv3 = "http://read.info/ctv3";

    /// <summary>UCUM units of measure.</summary>
    public const string Ucum = "http://unitsofmeasure.org";

    /// <summary>Identifier system for identifiers that are URIs themselves (<c>urn:uuid:…</c>, <c>urn:oid:…</c>).</summary>
    public const string Rfc3986 = "urn:ietf:rfc:3986";

    /// <summary>AllergyIntolerance.clinicalStatus codes (<c>active</c>, <c>inactive</c>, <c>resolved</c>).</summary>
    public const string AllergyIntoleranceClinical = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";

    /// <summary>AllergyIntolerance.verificationStatus codes (<c>unconfirmed</c>, <c>confirmed</c>, <c>refuted</c>, <c>entered-in-error</c>).</summary>
    public const string AllergyIntoleranceVerification = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";

    /// <summary>Condition.clinicalStatus codes (<c>active</c>, <c>recurrence</c>, <c>relapse</c>, <c>inactive</c>, <c>remission</c>, <c>resolved</c>).</summary>
    public const string ConditionClinical = "http://terminology.hl7.org/CodeSystem/condition-clinical";

    /// <summary>Condition.verificationStatus codes (<c>unconfirmed</c>, <c>provisional</c>, <c>differential</c>, <c>confirmed</c>, <c>refuted</c>, <c>entered-in-error</c>).</summary>
    public const string ConditionVerificationStatus = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

    /// <summary>Condition.category codes (<c>problem-list-item</c>, <c>encounter-diagnosis</c>).</summary>
    public const string ConditionCategory = "http://terminology.hl7.org/CodeSystem/condition-category";

    /// <summary>MedicationStatement.category codes (<c>inpatient</c>, <c>outpatient</c>, <c>community</c>, <c>patientspecified</c>).</summary>
    public const string MedicationStatementCategory = "http://terminology.hl7.org/CodeSystem/medication-statement-category";

    /// <summary>HL7 v3 null flavours (<c>UNK</c>, <c>NI</c>…).</summary>
    public const string NullFlavor = "http://terminology.hl7.org/CodeSystem/v3-NullFlavor";

    /// <summary>Data absent reasons (<c>unknown</c>, <c>masked</c>…).</summary>
    public const string DataAbsentReason = "http://terminology.hl7.org/CodeSystem/data-absent-reason";

    /// <summary>List empty reasons (<c>nilknown</c>, <c>notasked</c>, <c>withheld</c>…).</summary>
    public const string ListEmptyReason = "http://terminology.hl7.org/CodeSystem/list-empty-reason";

    /// <summary>AuditEvent.type codes (<c>rest</c>…).</summary>
    public const string AuditEventType = "http://terminology.hl7.org/CodeSystem/audit-event-type";

    /// <summary>AuditEvent.subtype: RESTful interactions (<c>read</c>, <c>search-type</c>…).</summary>
    public const string RestfulInteraction = "http://hl7.org/fhir/restful-interaction";

    /// <summary>DICOM codes used by AuditEvent (source types, event ids).</summary>
    public const string Dicom = "http://dicom.nema.org/resources/ontology/DCM";

    /// <summary>AuditEvent.entity.type codes.</summary>
    public const string AuditEntityType = "http://terminology.hl7.org/CodeSystem/audit-entity-type";

    /// <summary>AuditEvent.entity.role codes.</summary>
    public const string ObjectRole = "http://terminology.hl7.org/CodeSystem/object-role";

    /// <summary>AuditEvent.source.type codes.</summary>
    public const string SecuritySourceType = "http://terminology.hl7.org/CodeSystem/security-source-type";

    /// <summary>Extra security role types for AuditEvent.agent.type (<c>humanuser</c>, <c>datacollector</c>…).</summary>
    public const string ExtraSecurityRoleType = "http://terminology.hl7.org/CodeSystem/extra-security-role-type";

    /// <summary>Purpose of use and other act reasons (<c>TREAT</c>…).</summary>
    public const string ActReason = "http://terminology.hl7.org/CodeSystem/v3-ActReason";

    /// <summary>Provenance.agent.type codes (<c>author</c>, <c>custodian</c>, <c>assembler</c>…).</summary>
    public const string ProvenanceParticipantType = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";

    /// <summary>Provenance.activity codes from HL7 v3 DataOperation (<c>CREATE</c>, <c>UPDATE</c>…).</summary>
    public const string DataOperation = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";

    /// <summary>Administrative gender codes (<c>male</c>, <c>female</c>, <c>other</c>, <c>unknown</c>).</summary>
    public const string AdministrativeGender = "http://hl7.org/fhir/administrative-gender";

    /// <summary>OperationOutcome.issue.code values (<c>not-found</c>, <c>invalid</c>…).</summary>
    public const string IssueType = "http://hl7.org/fhir/issue-type";

    /// <summary>R4 core extension on <c>OperationOutcome.issue</c>: where the problem comes from (<c>valueString</c>); the facade puts the constraint key there.</summary>
    public const string OperationOutcomeIssueSourceExtension = "http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-source";

    /// <summary>R4 core extension: why a value is missing (<c>valueCode</c> from <see cref="DataAbsentReason"/>).</summary>
    public const string DataAbsentReasonExtension = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
}
