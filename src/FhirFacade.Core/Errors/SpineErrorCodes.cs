namespace FhirFacade.Core.Errors;

/// <summary>
/// NHS Spine error and warning codes, carried in <c>OperationOutcome.issue.details.coding</c>
/// with system <see cref="System"/> (see docs/domain.md, "Error codes").
/// </summary>
public static class SpineErrorCodes
{
    /// <summary>The code system of Spine error and warning codes.</summary>
    public const string System = "https://fhir.nhs.uk/CodeSystem/Spine-ErrorOrWarningCode";

    public const string InvalidNhsNumber = "INVALID_NHS_NUMBER";
    public const string InvalidIdentifierSystem = "INVALID_IDENTIFIER_SYSTEM";
    public const string InvalidIdentifierValue = "INVALID_IDENTIFIER_VALUE";
    public const string BadRequest = "BAD_REQUEST";
    public const string NoPatientConsent = "NO_PATIENT_CONSENT";
    public const string NoOrganisationConsent = "NO_ORGANISATION_CONSENT";
    public const string AccessDenied = "ACCESS_DENIED";
    public const string NoRelationship = "NO_RELATIONSHIP";
    public const string PatientNotFound = "PATIENT_NOT_FOUND";
    public const string NoRecordFound = "NO_RECORD_FOUND";
    public const string InvalidParameter = "INVALID_PARAMETER";
    public const string InvalidResource = "INVALID_RESOURCE";
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";
    public const string NotImplemented = "NOT_IMPLEMENTED";

    /// <summary>Warning: items withheld for confidentiality or patient preference.</summary>
    public const string ConfidentialItems = "confidential-items";

    /// <summary>Warning: record transfer from a previous practice is not complete.</summary>
    public const string DataInTransit = "data-in-transit";

    /// <summary>Warning: data received but not yet filed.</summary>
    public const string DataAwaitingFiling = "data-awaiting-filing";

    /// <summary>The display text for a code (as published with the Spine code system).</summary>
    public static string Display(string code) => code switch
    {
        InvalidNhsNumber => "Invalid NHS number",
        InvalidIdentifierSystem => "Invalid identifier system",
        InvalidIdentifierValue => "Invalid identifier value",
        BadRequest => "Bad request",
        NoPatientConsent => "Patient has not provided consent to share data",
        NoOrganisationConsent => "Organisation has not provided consent to share data",
        AccessDenied => "Access denied",
        NoRelationship => "No legitimate relationship exists with this patient",
        PatientNotFound => "Patient not found",
        NoRecordFound => "No record found",
        InvalidParameter => "Invalid parameter",
        InvalidResource => "Invalid resource",
        InternalServerError => "Internal server error",
        NotImplemented => "Not implemented",
        ConfidentialItems => "Items excluded due to confidentiality and/or patient preferences.",
        DataInTransit => "Patient's previous GP record is in transit and not yet available.",
        DataAwaitingFiling => "Data has been received but is awaiting filing.",
        _ => code,
    };
}
