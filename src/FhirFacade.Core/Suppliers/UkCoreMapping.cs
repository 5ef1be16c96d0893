using FhirFacade.Core.Search;
using FhirFacade.Fhir.Conformance;
using FhirFacade.Fhir.Resources;

namespace FhirFacade.Core.Suppliers;

/// <summary>
/// The parts of a UK Core resource that every supplier's mappers build the same way (id, profile, status codings,
/// the problem-list category, the ODS identifier), so that one native situation gets one FHIR form at every supplier.
/// What differs between suppliers (dates, codes, people, notes) stays in their mappers.
/// </summary>
public static class UkCoreMapping
{
    /// <summary>
    /// A problem-list Condition with its id, profile, clinical status (<c>active</c>, <c>inactive</c> or <c>resolved</c>),
    /// <c>confirmed</c> verification, code, subject and the clinician's note (when there is one); the mapper adds dates
    /// and recorder.
    /// </summary>
    public static Condition ProblemListItem(SupplierMappingContext context, string nativeId, string clinicalStatus, CodeableConcept code, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var condition = new Condition
        {
            Id = context.Id(FhirResourceTypes.Condition, nativeId),
            Meta = context.Meta(UkCoreProfiles.Condition),
            ClinicalStatus = new CodeableConcept(FhirSystems.ConditionClinical, clinicalStatus, clinicalStatus switch
            {
                "active" => "Active",
                "inactive" => "Inactive",
                _ => "Resolved",
            }),
            VerificationStatus = new CodeableConcept(FhirSystems.ConditionVerificationStatus, "confirmed", "Confirmed"),
            Category = [new CodeableConcept(FhirSystems.ConditionCategory, "problem-list-item", "Problem List Item")],
            Code = code,
            Subject = context.PatientReference,
        };
        if (!string.IsNullOrEmpty(note))
        {
            condition.Note.Add(new Annotation { Text = note });
        }

        return condition;
    }

    /// <summary>
    /// An AllergyIntolerance with its id, profile, clinical status (<c>resolved</c> or <c>active</c>), <c>confirmed</c>
    /// verification, code and patient; the mapper adds type, dates, recorder, reactions and the end-date extension.
    /// </summary>
    public static AllergyIntolerance Allergy(SupplierMappingContext context, string nativeId, bool resolved, CodeableConcept? code)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new AllergyIntolerance
        {
            Id = context.Id(FhirResourceTypes.AllergyIntolerance, nativeId),
            Meta = context.Meta(UkCoreProfiles.AllergyIntolerance),
            ClinicalStatus = new CodeableConcept(FhirSystems.AllergyIntoleranceClinical, resolved ? "resolved" : "active", resolved ? "Resolved" : "Active"),
            VerificationStatus = new CodeableConcept(FhirSystems.AllergyIntoleranceVerification, "confirmed", "Confirmed"),
            Code = code,
            Patient = context.PatientReference,
        };
    }

    /// <summary>A Medication: its id, profile and code (dm+d, or the drug's name alone).</summary>
    public static Medication Medication(SupplierMappingContext context, string nativeId, CodeableConcept? code)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new Medication
        {
            Id = context.Id(FhirResourceTypes.Medication, nativeId),
            Meta = context.Meta(UkCoreProfiles.Medication),
            Code = code,
        };
    }

    /// <summary>An Organization by ODS code: id, profile, ODS identifier, active, name (a blank name is left out).</summary>
    public static Organization Organization(SupplierMappingContext context, string odsCode, string? name)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new Organization
        {
            Id = context.Id(FhirResourceTypes.Organization, odsCode),
            Meta = context.Meta(UkCoreProfiles.Organization),
            Identifier = [new Identifier(UkCoreSystems.OdsOrganizationCode, odsCode)],
            Active = true,
            Name = name,
        };
    }

    /// <summary>
    /// A Patient: id, profile, the NHS number with the GP Connect verification status "Number present and verified",
    /// and the administrative gender of a native <c>M</c>/<c>F</c> code (anything else: <c>unknown</c>); the mapper adds
    /// names, dates, addresses and registration.
    /// </summary>
    public static Patient Patient(SupplierMappingContext context, string nhsNumber, string? sexCode)
    {
        ArgumentNullException.ThrowIfNull(context);
        var nhsIdentifier = new Identifier(UkCoreSystems.NhsNumber, nhsNumber);
        nhsIdentifier.Extension.Add(new Extension(
            UkCoreExtensions.NhsNumberVerificationStatus,
            new CodeableConcept(UkCoreSystems.NhsNumberVerificationStatusEngland, "01", "Number present and verified")));
        return new Patient
        {
            Id = context.PatientId,
            Meta = context.Meta(UkCoreProfiles.Patient),
            Identifier = [nhsIdentifier],
            Gender = sexCode switch
            {
                "M" => "male",
                "F" => "female",
                _ => "unknown",
            },
        };
    }
}
