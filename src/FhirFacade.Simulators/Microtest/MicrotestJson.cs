using System.Globalization;
using System.Text.Json.Nodes;
using FhirFacade.Simulators.Hosting;
using FhirFacade.Simulators.World;

namespace FhirFacade.Simulators.Microtest;

/// <summary>Writes the Evolution JSON items (snake_case, UK dates; docs/suppliers/microtest.md).</summary>
internal static class MicrotestJson
{
    public const string ContentType = "application/json";

    public static JsonObject Patient(ClinicalRecord record)
    {
        var d = record.Demographics;
        var gp = record.UsualClinician;
        return new JsonObject
        {
            ["nhs_number"] = d.NhsNumber,
            ["title"] = d.Title,
            ["forename"] = d.GivenName,
            ["middle_names"] = d.MiddleName,
            ["surname"] = d.FamilyName,
            ["previous_surnames"] = d.PreviousFamilyName is null ? new JsonArray() : new JsonArray(d.PreviousFamilyName),
            ["sex"] = NativeText.Sex(d.Sex),
            ["date_of_birth"] = NativeText.Uk(d.BirthDate),
            ["date_of_death"] = d.DeathDate is { } death ? NativeText.Uk(death) : null,
            ["address"] = new JsonObject
            {
                ["line1"] = d.Address.Line1,
                ["line2"] = d.Address.Line2,
                ["town"] = d.Address.Town,
                ["county"] = d.Address.County,
                ["postcode"] = d.Address.Postcode,
            },
            ["home_phone"] = d.HomePhone,
            ["mobile_phone"] = d.MobilePhone,
            ["email"] = d.Email,
            ["practice"] = new JsonObject { ["ods_code"] = record.Organisation.OdsCode, ["name"] = record.Organisation.Name },
            ["registration"] = new JsonObject
            {
                ["type"] = record.Holding.IsRegisteredPractice ? "GMS" : "TemporaryResident",
                ["start_date"] = NativeText.Uk(record.RegistrationDate),
                ["usual_gp"] = new JsonObject
                {
                    ["sds_user_id"] = gp.SdsUserId,
                    ["gmc_number"] = gp.GmcNumber,
                    ["title"] = gp.Title,
                    ["forename"] = gp.GivenName,
                    ["surname"] = gp.FamilyName,
                },
            },
            ["sharing_dissent"] = record.Dissent,
            ["sensitive"] = record.Sensitive,
            ["record_version"] = record.Version,
        };
    }

    public static JsonObject Problem(ProblemEntry problem) => new()
    {
        ["id"] = "P-" + problem.LocalId.ToString(CultureInfo.InvariantCulture),
        ["read_code"] = problem.Concept.Read2,
        ["term"] = problem.Concept.ReadTerm,
        ["status"] = NativeText.Lower(problem.Status),
        ["significance"] = NativeText.Lower(problem.Significance),
        ["onset"] = problem.Onset.ToUk(),
        ["end"] = problem.End?.ToUk(),
        ["confidential"] = problem.Confidential,
        ["notes"] = problem.Note,
        ["recorded"] = NativeText.Uk(problem.RecordedDate),
        ["recorded_by"] = problem.RecordedBy.SdsUserId,
    };

    public static JsonObject Allergy(AllergyEntry allergy) => new()
    {
        ["id"] = "A-" + allergy.LocalId.ToString(CultureInfo.InvariantCulture),
        ["category"] = NativeText.Lower(allergy.Allergen.Category),
        ["allergen"] = new JsonObject { ["snomed_code"] = allergy.Allergen.SnomedId, ["term"] = allergy.Allergen.Term },
        ["reaction"] = new JsonObject { ["snomed_code"] = allergy.Reaction.SnomedId, ["term"] = allergy.Reaction.Term },
        ["severity"] = NativeText.Lower(allergy.Severity),
        ["status"] = allergy.Resolved ? "resolved" : "active",
        ["onset"] = allergy.Onset.ToUk(),
        ["end_date"] = allergy.EndDate is { } end ? NativeText.Uk(end) : null,
        ["confidential"] = allergy.Confidential,
        ["notes"] = allergy.Note,
        ["recorded"] = NativeText.Uk(allergy.RecordedDate),
        ["recorded_by"] = allergy.RecordedBy.SdsUserId,
    };

    public static JsonObject? NoKnownAllergies(NoKnownAllergiesEntry? entry) => entry is null
        ? null
        : new JsonObject
        {
            ["id"] = "A-" + entry.LocalId.ToString(CultureInfo.InvariantCulture),
            ["snomed_code"] = NoKnownAllergiesEntry.SnomedCode,
            ["term"] = NoKnownAllergiesEntry.Term,
            ["recorded"] = NativeText.Uk(entry.RecordedDate),
            ["recorded_by"] = entry.RecordedBy.SdsUserId,
        };

    public static JsonObject Medication(MedicationEntry medication)
    {
        var issues = new JsonArray();
        foreach (var issue in medication.Issues)
        {
            issues.Add(new JsonObject
            {
                ["id"] = "I-" + issue.LocalId.ToString(CultureInfo.InvariantCulture),
                ["date"] = NativeText.Uk(issue.IssueDate),
                ["quantity"] = issue.Quantity,
                ["unit"] = issue.QuantityUnit,
            });
        }

        return new JsonObject
        {
            ["id"] = "M-" + medication.LocalId.ToString(CultureInfo.InvariantCulture),
            ["dmd_code"] = NativeText.DrugCode(medication),
            ["drug_name"] = medication.Medicine.Name,
            ["dose"] = medication.DoseText,
            ["quantity"] = medication.Quantity,
            ["unit"] = medication.QuantityUnit,
            ["type"] = medication.Type switch
            {
                PrescriptionType.Acute => "acute",
                PrescriptionType.Repeat => "repeat",
                _ => "repeat_dispensing",
            },
            ["status"] = NativeText.Lower(medication.Status),
            ["start_date"] = NativeText.StartDate(medication, NativeText.Uk),
            ["end_date"] = medication.EndDate is { } end ? NativeText.Uk(end) : null,
            ["review_date"] = medication.ReviewDate is { } review ? NativeText.Uk(review) : null,
            ["max_issues"] = medication.MaxIssues,
            ["stop_reason"] = medication.StopReason,
            ["confidential"] = medication.Confidential,
            ["prescriber"] = medication.Prescriber.SdsUserId,
            ["issues"] = issues,
        };
    }

    public static string Error(string error, string description) =>
        new JsonObject { ["error"] = error, ["error_description"] = description }.ToJsonString();
}
