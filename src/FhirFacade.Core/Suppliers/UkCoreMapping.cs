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

    /// <summary>
    /// A Practitioner: id, profile, the SDS user id and GMC number identifiers (each when there is one) and the name, if
    /// any; the mapper adds what is its supplier's own (gender).
    /// </summary>
    public static Practitioner Practitioner(SupplierMappingContext context, string nativeId, string? sdsUserId, string? gmcNumber, HumanName? name)
    {
        ArgumentNullException.ThrowIfNull(context);
        var practitioner = new Practitioner
        {
            Id = context.Id(FhirResourceTypes.Practitioner, nativeId),
            Meta = context.Meta(UkCoreProfiles.Practitioner),
        };
        if (!string.IsNullOrEmpty(sdsUserId))
        {
            practitioner.Identifier.Add(new Identifier(UkCoreSystems.SdsUserId, sdsUserId));
        }

        if (!string.IsNullOrEmpty(gmcNumber))
        {
            practitioner.Identifier.Add(new Identifier(UkCoreSystems.GmcNumber, gmcNumber));
        }

        if (name is not null)
        {
            practitioner.Name.Add(name);
        }

        return practitioner;
    }

    /// <summary>An official HumanName from a person's family name, one given name and a title (each left out when blank).</summary>
    public static HumanName OfficialName(string? family, string? given, string? prefix) => new()
    {
        Use = "official",
        Family = string.IsNullOrEmpty(family) ? null : family,
        Given = string.IsNullOrEmpty(given) ? [] : [given],
        Prefix = string.IsNullOrEmpty(prefix) ? [] : [prefix],
    };

    /// <summary>
    /// Records when a resolved allergy ended: UK Core carries it in Extension-UKCore-AllergyIntoleranceEnd, whose context is
    /// <c>AllergyIntolerance.clinicalStatus</c>, so it sits on the status it qualifies, not on the resource.
    /// </summary>
    public static void AddAllergyEnd(AllergyIntolerance allergy, string endDate)
    {
        ArgumentNullException.ThrowIfNull(allergy);
        var end = new Extension(UkCoreExtensions.AllergyIntoleranceEnd);
        end.Extension.Add(new Extension("endDate", new FhirDateTime(endDate)));
        allergy.ClinicalStatus!.Extension.Add(end);
    }

    /// <summary>A telecom of the patient's (<c>phone</c>/<c>email</c>, with its use), when there is a value.</summary>
    public static void AddTelecom(Patient patient, string system, string? value, string use)
    {
        ArgumentNullException.ThrowIfNull(patient);
        if (!string.IsNullOrEmpty(value))
        {
            patient.Telecom.Add(new ContactPoint { System = system, Value = value, Use = use });
        }
    }

    /// <summary>The patient's home address from its lines (blank ones left out), town, county and postcode.</summary>
    public static void AddHomeAddress(Patient patient, IEnumerable<string?> lines, string? town, string? county, string? postcode)
    {
        ArgumentNullException.ThrowIfNull(patient);
        patient.Address.Add(new Address
        {
            Use = "home",
            Line = [.. lines.Where(l => !string.IsNullOrEmpty(l)).Select(l => l!)],
            City = town,
            District = county,
            PostalCode = postcode,
        });
    }

    /// <summary>
    /// The clinical status of a problem whose native status is <paramref name="native"/>, given the supplier's own words
    /// for the three FHIR ones; <see langword="null"/> for any other word (the problem cannot be shown faithfully).
    /// </summary>
    public static string? ProblemClinicalStatus(string? native, string active, string inactive, string resolved) =>
        Translate(native, (active, "active"), (inactive, "inactive"), (resolved, "resolved"));

    /// <summary>
    /// The status of a medication statement whose native status is <paramref name="native"/>, given the supplier's own
    /// words for <c>active</c>, <c>completed</c> and <c>stopped</c>; <see langword="null"/> for any other word.
    /// </summary>
    public static string? MedicationStatementStatus(string? native, string active, string completed, string stopped) =>
        Translate(native, (active, "active"), (completed, "completed"), (stopped, "stopped"));

    /// <summary>The category of an allergy from the supplier's words for drug, food and environment allergies; <see langword="null"/> for any other.</summary>
    public static string? AllergyCategory(string? native, string drug, string food, string environment) =>
        Translate(native, (drug, "medication"), (food, "food"), (environment, "environment"));

    /// <summary>The severity of an allergic reaction from the supplier's words for mild, moderate and severe; <see langword="null"/> for any other.</summary>
    public static string? ReactionSeverity(string? native, string mild, string moderate, string severe) =>
        Translate(native, (mild, "mild"), (moderate, "moderate"), (severe, "severe"));

    /// <summary>
    /// What an allergy says beyond its code, each when there is one: the reaction (its manifestation, with the FHIR
    /// <paramref name="severity"/>), the end of a resolved allergy (<see cref="AddAllergyEnd"/>) and the clinician's note.
    /// </summary>
    public static void AddAllergyDetails(AllergyIntolerance allergy, CodeableConcept? manifestation, string? severity, string? endDate, string? note)
    {
        ArgumentNullException.ThrowIfNull(allergy);
        if (manifestation is not null)
        {
            allergy.Reaction.Add(new AllergyIntolerance.ReactionComponent { Manifestation = [manifestation], Severity = severity });
        }

        if (endDate is not null)
        {
            AddAllergyEnd(allergy, endDate);
        }

        if (!string.IsNullOrEmpty(note))
        {
            allergy.Note.Add(new Annotation { Text = note });
        }
    }

    /// <summary>
    /// A MedicationStatement: id, profile, status, the reference to its Medication (same native id, the drug's name as
    /// display), subject, the effective period from its start (also the date asserted) to its end, who prescribed it,
    /// the stop reason of a stopped statement, the dose as text and the UK Core last-issue-date extension (each left
    /// out when blank).
    /// </summary>
    public static MedicationStatement MedicationStatement(SupplierMappingContext context, string nativeId, MedicationFacts facts)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(facts);
        var statement = new MedicationStatement
        {
            Id = context.Id(FhirResourceTypes.MedicationStatement, nativeId),
            Meta = context.Meta(UkCoreProfiles.MedicationStatement),
            Status = facts.Status,
            Medication = Reference.To(FhirResourceTypes.Medication, context.Id(FhirResourceTypes.Medication, nativeId), facts.DrugName),
            Subject = context.PatientReference,
            Effective = new Period { Start = facts.Start, End = facts.End },
            DateAsserted = facts.Start,
            InformationSource = facts.Prescriber,
        };
        if (facts.Status == "stopped" && !string.IsNullOrEmpty(facts.StopReason))
        {
            statement.StatusReason.Add(CodeableConcept.FromText(facts.StopReason));
        }

        if (!string.IsNullOrEmpty(facts.Dose))
        {
            statement.Dosage.Add(new Dosage { Text = facts.Dose });
        }

        if (facts.LastIssue is not null)
        {
            statement.Extension.Add(new Extension(UkCoreExtensions.MedicationStatementLastIssueDate, new FhirDateTime(facts.LastIssue)));
        }

        return statement;
    }

    /// <summary>The FHIR code whose native word (ordinal) is <paramref name="native"/>; <see langword="null"/> when none is.</summary>
    private static string? Translate(string? native, params ReadOnlySpan<(string Native, string Fhir)> words)
    {
        foreach (var (word, code) in words)
        {
            if (string.Equals(native, word, StringComparison.Ordinal))
            {
                return code;
            }
        }

        return null;
    }
}

/// <summary>What a supplier's medication says, in FHIR form, for <see cref="UkCoreMapping.MedicationStatement"/>.</summary>
/// <param name="Status"><c>active</c>, <c>completed</c> or <c>stopped</c>.</param>
/// <param name="DrugName">The drug's name (the Medication reference's display).</param>
/// <param name="Start">When it started (a FHIR date).</param>
/// <param name="End">When it ended, if it did.</param>
/// <param name="Prescriber">Who prescribed it.</param>
/// <param name="StopReason">Why it was stopped (kept only for a stopped statement).</param>
/// <param name="Dose">The dose as text.</param>
/// <param name="LastIssue">The date of its last issue.</param>
public sealed record MedicationFacts(string Status, string? DrugName, string Start, string? End, Reference? Prescriber, string? StopReason, string? Dose, string? LastIssue);
