using System.Globalization;
using System.Text.Json.Nodes;
using FhirFacade.Simulators.Catalogues;
using FhirFacade.Simulators.Hosting;
using FhirFacade.Simulators.World;

namespace FhirFacade.Simulators.Tpp;

/// <summary>Writes the SystmOne JSON answers (docs/suppliers/tpp.md).</summary>
internal static class TppJson
{
    public const string ContentType = "application/json";

    public static readonly string[] AreaNames = ["demographics", "medications", "allergies", "problems"];

    public static JsonObject Unit(Organisation organisation) => new()
    {
        ["odsCode"] = organisation.OdsCode,
        ["name"] = organisation.Name,
        ["unitType"] = organisation.Kind == OrganisationKind.GpPractice ? "GP" : "Community",
        ["thirdPartySharing"] = organisation.ThirdPartySharing,
        ["sharedAreas"] = Areas(organisation.SharedAreas),
    };

    public static JsonArray Areas(RecordAreas areas)
    {
        var array = new JsonArray();
        foreach (var name in AreaNames)
        {
            if (areas.HasFlag(AreaOf(name)))
            {
                array.Add(name);
            }
        }

        return array;
    }

    public static RecordAreas AreaOf(string name) => name switch
    {
        "demographics" => RecordAreas.Demographics,
        "medications" => RecordAreas.Medications,
        "allergies" => RecordAreas.Allergies,
        "problems" => RecordAreas.Problems,
        _ => RecordAreas.None,
    };

    public static JsonObject Record(ClinicalRecord record, RecordAreas requested)
    {
        var organisation = record.Organisation;
        var shared = requested & organisation.SharedAreas;
        var json = new JsonObject
        {
            ["unit"] = Unit(organisation),
            ["sharingStatus"] = "Shared",
            ["withheldAreas"] = Areas(requested & ~organisation.SharedAreas),
            ["recordVersion"] = record.Version,
            ["lastUpdated"] = record.LastModified.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["patient"] = Patient(record, shared.HasFlag(RecordAreas.Demographics)),
        };
        if (shared.HasFlag(RecordAreas.Problems))
        {
            json["problems"] = new JsonArray(record.Problems.Select(Problem).ToArray<JsonNode?>());
        }

        if (shared.HasFlag(RecordAreas.Allergies))
        {
            json["allergies"] = new JsonArray(record.Allergies.Select(Allergy).ToArray<JsonNode?>());
            json["noKnownAllergies"] = record.NoKnownAllergies is { } nka
                ? new JsonObject
                {
                    ["rowId"] = nka.LocalId,
                    ["snomed"] = Snomed(NoKnownAllergiesEntry.SnomedCode, NoKnownAllergiesEntry.Term),
                    ["recordedDate"] = NativeText.Iso(nka.RecordedDate),
                    ["recordedByStaffRowId"] = StaffRowId(nka.RecordedBy),
                }
                : null;
        }

        if (shared.HasFlag(RecordAreas.Medications))
        {
            json["medications"] = new JsonArray(record.Medications.Select(Medication).ToArray<JsonNode?>());
        }

        return json;
    }

    public static JsonObject Refused(Organisation organisation) => new()
    {
        ["unit"] = Unit(organisation),
        ["sharingStatus"] = "Refused",
        ["refusalReason"] = "THIRD_PARTY_SHARING_DISABLED",
    };

    public static string Error(string code, string message, JsonArray? odsCodes = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (odsCodes is not null)
        {
            error["odsCodes"] = odsCodes;
        }

        return new JsonObject { ["error"] = error }.ToJsonString();
    }

    /// <summary>SystmOne staff have numeric row ids; the simulator derives them from the SDS id.</summary>
    public static long StaffRowId(Practitioner practitioner) => long.Parse(practitioner.SdsUserId.AsSpan(6), CultureInfo.InvariantCulture);

    /// <summary>Rows carry a SNOMED map only sometimes (as in SystmOne); never for the deliberately unmapped CTV3 codes.</summary>
    public static bool HasSnomedMap(long rowId, ConditionConcept concept) =>
        !ConditionCatalogue.UnmappedCtv3Codes.Contains(concept.Ctv3!) && rowId % 3 != 0;

    private static JsonObject Patient(ClinicalRecord record, bool full)
    {
        var d = record.Demographics;
        var patient = new JsonObject
        {
            ["rowId"] = long.Parse(d.NhsNumber.AsSpan(3), CultureInfo.InvariantCulture) + 7_000_000_000,
            ["nhsNumber"] = d.NhsNumber,
            ["dissent"] = record.Dissent,
            ["sensitive"] = record.Sensitive,
        };
        if (!full)
        {
            return patient;
        }

        patient["title"] = d.Title;
        patient["forenames"] = d.GivenName;
        patient["middleNames"] = d.MiddleName;
        patient["surname"] = d.FamilyName;
        patient["previousSurnames"] = d.PreviousFamilyName is null ? new JsonArray() : new JsonArray(d.PreviousFamilyName);
        patient["gender"] = NativeText.Sex(d.Sex);
        patient["dateOfBirth"] = NativeText.Iso(d.BirthDate);
        patient["dateOfDeath"] = d.DeathDate is { } death ? NativeText.Iso(death) : null;
        patient["address"] = new JsonObject
        {
            ["street"] = d.Address.Line1,
            ["locality"] = d.Address.Line2,
            ["town"] = d.Address.Town,
            ["county"] = d.Address.County,
            ["postcode"] = d.Address.Postcode,
        };
        patient["telephone"] = d.HomePhone;
        patient["mobile"] = d.MobilePhone;
        patient["email"] = d.Email;
        var gp = record.UsualClinician;
        patient["registration"] = new JsonObject
        {
            ["type"] = record.Holding.IsRegisteredPractice ? "GMS" : record.Organisation.Kind == OrganisationKind.CommunityService ? "Community" : "TemporaryResident",
            ["startDate"] = NativeText.Iso(record.RegistrationDate),
            ["usualGp"] = new JsonObject
            {
                ["staffRowId"] = StaffRowId(gp),
                ["sdsUserId"] = gp.SdsUserId,
                ["gmcNumber"] = gp.GmcNumber,
                ["title"] = gp.Title,
                ["forenames"] = gp.GivenName,
                ["surname"] = gp.FamilyName,
                ["role"] = gp.Role,
            },
        };
        return patient;
    }

    private static JsonObject Problem(ProblemEntry problem)
    {
        var concept = problem.Concept;
        return new JsonObject
        {
            ["rowId"] = problem.LocalId,
            ["ctv3"] = new JsonObject { ["code"] = concept.Ctv3, ["term"] = concept.ReadTerm },
            ["snomed"] = HasSnomedMap(problem.LocalId, concept) ? Snomed(concept.SnomedId, concept.Term) : null,
            ["status"] = problem.Status switch
            {
                ProblemStatus.Active => "Active",
                ProblemStatus.Inactive => "Past",
                _ => "Resolved",
            },
            ["significance"] = problem.Significance.ToString(),
            ["onset"] = Partial(problem.Onset),
            ["end"] = problem.End is null ? null : Partial(problem.End),
            ["private"] = problem.Confidential,
            ["notes"] = problem.Note,
            ["recordedDate"] = NativeText.Iso(problem.RecordedDate),
            ["recordedByStaffRowId"] = StaffRowId(problem.RecordedBy),
        };
    }

    private static JsonObject Allergy(AllergyEntry allergy) => new()
    {
        ["rowId"] = allergy.LocalId,
        ["category"] = allergy.Allergen.Category.ToString(),
        ["allergen"] = Snomed(allergy.Allergen.SnomedId, allergy.Allergen.Term),
        ["reaction"] = new JsonObject
        {
            ["manifestation"] = Snomed(allergy.Reaction.SnomedId, allergy.Reaction.Term),
            ["severity"] = allergy.Severity.ToString(),
        },
        ["status"] = allergy.Resolved ? "Ended" : "Active",
        ["onset"] = Partial(allergy.Onset),
        ["endDate"] = allergy.EndDate is { } end ? NativeText.Iso(end) : null,
        ["private"] = allergy.Confidential,
        ["notes"] = allergy.Note,
        ["recordedDate"] = NativeText.Iso(allergy.RecordedDate),
        ["recordedByStaffRowId"] = StaffRowId(allergy.RecordedBy),
    };

    private static JsonObject Medication(MedicationEntry medication)
    {
        var issues = new JsonArray();
        foreach (var issue in medication.Issues)
        {
            issues.Add(new JsonObject
            {
                ["rowId"] = issue.LocalId,
                ["issueDate"] = NativeText.Iso(issue.IssueDate),
                ["quantity"] = issue.Quantity,
                ["quantityUnit"] = issue.QuantityUnit,
            });
        }

        return new JsonObject
        {
            ["rowId"] = medication.LocalId,
            ["drug"] = new JsonObject { ["dmdId"] = NativeText.DrugCode(medication), ["name"] = medication.Medicine.Name },
            ["dosage"] = medication.DoseText,
            ["quantity"] = medication.Quantity,
            ["quantityUnit"] = medication.QuantityUnit,
            ["prescriptionType"] = medication.Type.ToString(),
            ["status"] = medication.Status.ToString(),
            ["startDate"] = NativeText.StartDate(medication, NativeText.Iso),
            ["endDate"] = medication.EndDate is { } end ? NativeText.Iso(end) : null,
            ["reviewDate"] = medication.ReviewDate is { } review ? NativeText.Iso(review) : null,
            ["maxIssues"] = medication.MaxIssues,
            ["stopReason"] = medication.StopReason,
            ["private"] = medication.Confidential,
            ["prescriberStaffRowId"] = StaffRowId(medication.Prescriber),
            ["issues"] = issues,
        };
    }

    private static JsonObject Snomed(string conceptId, string term) => new() { ["conceptId"] = conceptId, ["term"] = term };

    private static JsonObject Partial(PartialDate date) => new() { ["value"] = date.ToIso(), ["precision"] = date.Precision.ToString() };
}
