namespace FhirFacade.Fhir.Conformance;

/// <summary>
/// URLs of the UK Core STU2 extensions the facade writes (checked against
/// <c>StructureDefinition-Extension-UKCore-*.json</c> in <c>fhir.r4.ukcore.stu2#2.0.2</c>).
/// </summary>
public static class UkCoreExtensions
{
    private const string Base = "https://fhir.hl7.org.uk/StructureDefinition/";

    /// <summary>On <c>Patient.identifier</c> (NHS number): <c>valueCodeableConcept</c> from <see cref="UkCoreSystems.NhsNumberVerificationStatusEngland"/>.</summary>
    public const string NhsNumberVerificationStatus = Base + "Extension-UKCore-NHSNumberVerificationStatus";

    /// <summary>On <c>Patient.identifier</c>: why there is no NHS number.</summary>
    public const string NhsNumberUnavailableReason = Base + "Extension-UKCore-NHSNumberUnavailableReason";

    /// <summary>On <c>Patient</c>: ethnic category, <c>valueCodeableConcept</c>.</summary>
    public const string EthnicCategory = Base + "Extension-UKCore-EthnicCategory";

    /// <summary>On <c>Patient</c>: sex assigned at birth.</summary>
    public const string BirthSex = Base + "Extension-UKCore-BirthSex";

    /// <summary>On <c>Patient</c>: residential status.</summary>
    public const string ResidentialStatus = Base + "Extension-UKCore-ResidentialStatus";

    /// <summary>On <c>Patient</c>: death notification status (complex: <c>deathNotificationStatus</c>, <c>systemEffectiveDate</c>).</summary>
    public const string DeathNotificationStatus = Base + "Extension-UKCore-DeathNotificationStatus";

    /// <summary>On <c>Patient</c>: preferred contact method and times.</summary>
    public const string ContactPreference = Base + "Extension-UKCore-ContactPreference";

    /// <summary>On <c>Patient.contact</c>: contact rank.</summary>
    public const string ContactRank = Base + "Extension-UKCore-ContactRank";

    /// <summary>On <c>Patient.contact</c>: whether the contact gets copies of correspondence.</summary>
    public const string CopyCorrespondenceIndicator = Base + "Extension-UKCore-CopyCorrespondenceIndicator";

    /// <summary>On <c>Address</c>: address key (e.g. UPRN).</summary>
    public const string AddressKey = Base + "Extension-UKCore-AddressKey";

    /// <summary>On <c>ContactPoint.system</c>: other contact systems (textphone, minicom…).</summary>
    public const string OtherContactSystem = Base + "Extension-UKCore-OtherContactSystem";

    /// <summary>On <c>MedicationStatement</c>: date of the last issue, <c>valueDateTime</c>.</summary>
    public const string MedicationStatementLastIssueDate = Base + "Extension-UKCore-MedicationStatementLastIssueDate";

    /// <summary>On medication resources: type of the prescribing organisation.</summary>
    public const string MedicationPrescribingOrganizationType = Base + "Extension-UKCore-MedicationPrescribingOrganizationType";

    /// <summary>On medication resources: repeat information (number of issues, review date…).</summary>
    public const string MedicationRepeatInformation = Base + "Extension-UKCore-MedicationRepeatInformation";

    /// <summary>On <c>Medication</c>: the dm+d trade family.</summary>
    public const string MedicationTradeFamily = Base + "Extension-UKCore-MedicationTradeFamily";

    /// <summary>On <c>MedicationStatement</c>: whether a pharmacist verified the statement.</summary>
    public const string PharmacistVerifiedIndicator = Base + "Extension-UKCore-PharmacistVerifiedIndicator";

    /// <summary>On <c>AllergyIntolerance</c>: when and why the allergy ended (complex: <c>endDate</c>, <c>reasonEnded</c>).</summary>
    public const string AllergyIntoleranceEnd = Base + "Extension-UKCore-AllergyIntoleranceEnd";

    /// <summary>On <c>AllergyIntolerance</c>: supporting evidence.</summary>
    public const string Evidence = Base + "Extension-UKCore-Evidence";

    /// <summary>On <c>Condition</c>: episodicity (first, new, review…).</summary>
    public const string ConditionEpisode = Base + "Extension-UKCore-ConditionEpisode";

    /// <summary>On <c>Coding</c>: the SNOMED CT description id and display.</summary>
    public const string CodingSctDescDisplay = Base + "Extension-UKCore-CodingSCTDescDisplay";

    /// <summary>On <c>Organization</c>: the main location.</summary>
    public const string MainLocation = Base + "Extension-UKCore-MainLocation";

    /// <summary>On <c>List</c>: a warning such as confidential items withheld.</summary>
    public const string ListWarningCode = Base + "Extension-UKCore-ListWarningCode";
}
