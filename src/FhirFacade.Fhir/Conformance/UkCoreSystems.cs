namespace FhirFacade.Fhir.Conformance;

/// <summary>
/// NHS and UK Core identifier and code systems. URLs are as used in the UK Core STU2 package and its
/// examples; the ones the package does not mention (GMC number, Spine error codes) follow docs/domain.md.
/// </summary>
public static class UkCoreSystems
{
    /// <summary>NHS number identifier system (10 digits, Modulus 11).</summary>
    public const string NhsNumber = "https://fhir.nhs.uk/Id/nhs-number";

    /// <summary>ODS organisation code identifier system (GP practices: <c>A81001</c>).</summary>
    public const string OdsOrganizationCode = "https://fhir.nhs.uk/Id/ods-organization-code";

    /// <summary>ODS site code identifier system.</summary>
    public const string OdsSiteCode = "https://fhir.nhs.uk/Id/ods-site-code";

    /// <summary>SDS user id (practitioner) identifier system.</summary>
    public const string SdsUserId = "https://fhir.nhs.uk/Id/sds-user-id";

    /// <summary>SDS role profile id identifier system.</summary>
    public const string SdsRoleProfileId = "https://fhir.nhs.uk/Id/sds-role-profile-id";

    /// <summary>General Medical Council number identifier system (docs/domain.md).</summary>
    public const string GmcNumber = "https://fhir.hl7.org.uk/Id/gmc-number";

    /// <summary>Nursing and Midwifery Council number identifier system.</summary>
    public const string NmcNumber = "https://fhir.hl7.org.uk/Id/nmc-number";

    /// <summary>NHS number verification status codes, England (<c>01</c> = number present and verified).</summary>
    public const string NhsNumberVerificationStatusEngland = "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland";

    /// <summary>NHS number verification status codes, Wales.</summary>
    public const string NhsNumberVerificationStatusWales = "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusWales";

    /// <summary>Reasons why a patient has no NHS number.</summary>
    public const string NhsNumberUnavailableReason = "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberUnavailableReason";

    /// <summary>Ethnic category codes, England.</summary>
    public const string EthnicCategoryEngland = "https://fhir.hl7.org.uk/CodeSystem/UKCore-EthnicCategoryEngland";

    /// <summary>UK Core condition category (beyond the HL7 <c>problem-list-item</c>).</summary>
    public const string ConditionCategory = "https://fhir.hl7.org.uk/CodeSystem/UKCore-ConditionCategory";

    /// <summary>Condition episodicity codes.</summary>
    public const string ConditionEpisodicity = "https://fhir.hl7.org.uk/CodeSystem/UKCore-ConditionEpisodicity";

    /// <summary>Medication statement category codes.</summary>
    public const string MedicationStatementCategory = "https://fhir.hl7.org.uk/CodeSystem/UKCore-MedicationStatementCategory";

    /// <summary>Prescribing organisation type codes.</summary>
    public const string MedicationPrescribingOrganizationType = "https://fhir.hl7.org.uk/CodeSystem/UKCore-MedicationPrescribingOrganizationType";

    /// <summary>List warning codes (<c>confidential-items</c>, <c>data-in-transit</c>, <c>data-awaiting-filing</c>…).</summary>
    public const string ListWarningCode = "https://fhir.hl7.org.uk/CodeSystem/UKCore-ListWarningCode";

    /// <summary>Reasons a list is empty (<c>no-content-recorded</c>…).</summary>
    public const string ListEmptyReasonCode = "https://fhir.hl7.org.uk/CodeSystem/UKCore-ListEmptyReasonCode";

    /// <summary>
    /// NHS Spine error and warning codes for <c>OperationOutcome.issue.details</c>
    /// (<c>INVALID_NHS_NUMBER</c>, <c>PATIENT_NOT_FOUND</c>…): the form the facade uses (docs/domain.md, "Error codes").
    /// </summary>
    public const string SpineErrorOrWarningCode = "https://fhir.nhs.uk/CodeSystem/Spine-ErrorOrWarningCode";
}
