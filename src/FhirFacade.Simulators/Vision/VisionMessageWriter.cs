using System.Globalization;
using System.Text;
using FhirFacade.Simulators.Hosting;
using FhirFacade.Simulators.World;

namespace FhirFacade.Simulators.Vision;

/// <summary>Writes RSP^K11 responses (segments separated by carriage returns).</summary>
internal static class VisionMessageWriter
{
    public static string Header(string receivingApp, string receivingFacility, string sendingFacility, DateTimeOffset now, string requestControlId) =>
        string.Join('|', "MSH", @"^~\&", Hl7.SendingApplication, sendingFacility, E(receivingApp), E(receivingFacility),
            now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+0000", string.Empty, "RSP^K11^RSP_K11", "R" + E(requestControlId), "P", Hl7.Version);

    public static string Record(string header, string requestControlId, string queryTag, string queryPd, ClinicalRecord record, RecordAreas areas, bool demographicsOnly)
    {
        var lines = new List<string>
        {
            header,
            "MSA|AA|" + E(requestControlId),
            string.Join('|', "QAK", E(queryTag), "OK", QueryName(demographicsOnly), "1"),
            queryPd,
        };
        lines.AddRange(Patient(record));
        if (!demographicsOnly)
        {
            if (areas.HasFlag(RecordAreas.Problems))
            {
                foreach (var problem in record.Problems)
                {
                    lines.AddRange(Problem(problem));
                }
            }

            if (areas.HasFlag(RecordAreas.Allergies))
            {
                var setId = 1;
                foreach (var allergy in record.Allergies)
                {
                    lines.AddRange(Allergy(setId++, allergy));
                }

                if (record.NoKnownAllergies is { } nka)
                {
                    lines.Add(string.Join('|', "AL1", setId.ToString(CultureInfo.InvariantCulture), "MA^Miscellaneous allergy^HL70127", $"{NoKnownAllergiesEntry.SnomedCode}^{E(NoKnownAllergiesEntry.Term)}^{Hl7.Snomed}"));
                    lines.Add(string.Join('|', "ZAL", "A", string.Empty, NativeText.Hl7(nka.RecordedDate), "A" + Id(nka.LocalId), Xcn(nka.RecordedBy)));
                }
            }

            if (areas.HasFlag(RecordAreas.Medications))
            {
                foreach (var medication in record.Medications)
                {
                    lines.AddRange(Medication(medication));
                }
            }
        }

        return string.Join('\r', lines) + "\r";
    }

    /// <summary>
    /// The answer to a demographic query (VDQ): QAK-2 <c>OK</c> or <c>NF</c>, QAK-4 every match, QAK-5 the PID segments
    /// sent, QAK-6 the matches left out; one PID (PID-3, PID-5, PID-7, PID-8) per match sent.
    /// </summary>
    public static string Matches(string header, string requestControlId, string queryTag, string queryPd, IReadOnlyList<Demographics> sent, int total)
    {
        var lines = new List<string>
        {
            header,
            "MSA|AA|" + E(requestControlId),
            string.Join('|', "QAK", E(queryTag), total == 0 ? "NF" : "OK", "VDQ^Vision Demographic Query^L", Count(total), Count(sent.Count), Count(total - sent.Count)),
            queryPd,
        };
        var setId = 1;
        foreach (var d in sent)
        {
            lines.Add(string.Join('|', "PID", Count(setId++), string.Empty, $"{d.NhsNumber}^^^{Hl7.NhsAuthority}^NH", string.Empty,
                $"{E(d.FamilyName)}^{E(d.GivenName)}^{E(d.MiddleName)}^^{E(d.Title)}^^L", string.Empty, NativeText.Hl7(d.BirthDate), NativeText.Sex(d.Sex)));
        }

        return string.Join('\r', lines) + "\r";
    }

    public static string Error(string header, string requestControlId, string acknowledgement, string queryTag, string queryPd, bool notFound, string errorCode, string errorText, string userMessage)
    {
        var lines = new List<string> { header, "MSA|" + acknowledgement + "|" + E(requestControlId) };
        if (queryPd.Length > 0)
        {
            lines.Add(string.Join('|', "QAK", E(queryTag), notFound ? "NF" : "AE", string.Empty, "0"));
            lines.Add(queryPd);
        }

        lines.Add(string.Join('|', "ERR", string.Empty, string.Empty, $"{errorCode}^{E(errorText)}^{Hl7.ErrorTable}", "E", string.Empty, string.Empty, string.Empty, E(userMessage)));
        return string.Join('\r', lines) + "\r";
    }

    private static string QueryName(bool exists) => exists ? "VEQ^Vision Exists Query^L" : "VRQ^Vision Record Query^L";

    private static IEnumerable<string> Patient(ClinicalRecord record)
    {
        var d = record.Demographics;
        var names = $"{E(d.FamilyName)}^{E(d.GivenName)}^{E(d.MiddleName)}^^{E(d.Title)}^^L";
        if (d.PreviousFamilyName is not null)
        {
            names += $"~{E(d.PreviousFamilyName)}^{E(d.GivenName)}^{E(d.MiddleName)}^^^^M";
        }

        var telecoms = new List<string>();
        if (d.HomePhone is not null)
        {
            telecoms.Add($"{E(d.HomePhone)}^PRN^PH");
        }

        if (d.MobilePhone is not null)
        {
            telecoms.Add($"{E(d.MobilePhone)}^PRN^CP");
        }

        if (d.Email is not null)
        {
            telecoms.Add($"^NET^Internet^{E(d.Email)}");
        }

        var address = $"{E(d.Address.Line1)}^{E(d.Address.Line2)}^{E(d.Address.Town)}^{E(d.Address.County)}^{E(d.Address.Postcode)}^GBR^H";
        var pid = new string[31];
        Array.Fill(pid, string.Empty);
        pid[0] = "PID";
        pid[1] = "1";
        pid[3] = $"{d.NhsNumber}^^^{Hl7.NhsAuthority}^NH~V{d.NhsNumber[3..]}^^^VISION^PI";
        pid[5] = names;
        pid[7] = NativeText.Hl7(d.BirthDate);
        pid[8] = NativeText.Sex(d.Sex);
        pid[11] = address;
        pid[13] = string.Join('~', telecoms);
        pid[29] = d.DeathDate is { } death ? NativeText.Hl7(death) : string.Empty;
        pid[30] = d.DeathDate is null ? "N" : "Y";
        yield return string.Join('|', pid);

        var gp = record.UsualClinician;
        var providers = $"{gp.SdsUserId}^{E(gp.FamilyName)}^{E(gp.GivenName)}^^^{E(gp.Title)}^^^SDS";
        if (gp.GmcNumber is not null)
        {
            providers += $"~{gp.GmcNumber}^{E(gp.FamilyName)}^{E(gp.GivenName)}^^^{E(gp.Title)}^^^GMC";
        }

        var pd1 = new string[13];
        Array.Fill(pd1, string.Empty);
        pd1[0] = "PD1";
        pd1[3] = $"{E(record.Organisation.Name)}^^^^^^^^^{record.Organisation.OdsCode}";
        pd1[4] = providers;
        pd1[12] = record.Sensitive ? "Y" : "N";
        yield return string.Join('|', pd1);
        yield return string.Join('|', "ZSH", record.Dissent ? "Y" : "N", record.Sensitive ? "Y" : "N",
            record.Holding.IsRegisteredPractice ? "GMS" : "TemporaryResident", NativeText.Hl7(record.RegistrationDate));
    }

    private static IEnumerable<string> Problem(ProblemEntry problem)
    {
        var c = problem.Concept;
        var prb = new string[19];
        Array.Fill(prb, string.Empty);
        prb[0] = "PRB";
        prb[1] = "AD";
        prb[2] = NativeText.Hl7(problem.RecordedDate);
        prb[3] = $"{c.Read2}^{E(c.ReadTerm)}^{Hl7.ReadV2}";
        prb[4] = "P" + Id(problem.LocalId);
        prb[7] = NativeText.Hl7(problem.RecordedDate);
        prb[9] = problem.End?.ToHl7() ?? string.Empty;
        prb[14] = problem.Status switch
        {
            ProblemStatus.Active => "A^Active",
            ProblemStatus.Inactive => "I^Inactive",
            _ => "R^Resolved",
        };
        prb[16] = problem.Onset.ToHl7();
        prb[18] = problem.Significance == ProblemSignificance.Major ? "1^Major" : "2^Minor";
        yield return string.Join('|', prb);
        if (problem.Confidential)
        {
            yield return "ZCF|Y";
        }

        if (problem.Note is not null)
        {
            yield return "NTE|1||" + E(problem.Note);
        }
    }

    private static IEnumerable<string> Allergy(int setId, AllergyEntry allergy)
    {
        var type = allergy.Allergen.Category switch
        {
            Catalogues.AllergenCategory.Drug => "DA^Drug allergy",
            Catalogues.AllergenCategory.Food => "FA^Food allergy",
            _ => "EA^Environmental allergy",
        };
        var severity = allergy.Severity switch
        {
            AllergySeverity.Severe => "SV^Severe",
            AllergySeverity.Moderate => "MO^Moderate",
            _ => "MI^Mild",
        };
        yield return string.Join('|', "AL1", setId.ToString(CultureInfo.InvariantCulture), type + "^HL70127",
            $"{allergy.Allergen.SnomedId}^{E(allergy.Allergen.Term)}^{Hl7.Snomed}", severity + "^HL70128",
            $"{allergy.Reaction.SnomedId}^{E(allergy.Reaction.Term)}^{Hl7.Snomed}", allergy.Onset.ToHl7());
        yield return string.Join('|', "ZAL", allergy.Resolved ? "R" : "A", allergy.EndDate is { } end ? NativeText.Hl7(end) : string.Empty,
            NativeText.Hl7(allergy.RecordedDate), "A" + Id(allergy.LocalId), Xcn(allergy.RecordedBy));
        if (allergy.Confidential)
        {
            yield return "ZCF|Y";
        }

        if (allergy.Note is not null)
        {
            yield return "NTE|1||" + E(allergy.Note);
        }
    }

    private static IEnumerable<string> Medication(MedicationEntry medication)
    {
        var prescription = "M" + Id(medication.LocalId);
        var status = medication.Status switch
        {
            MedicationStatus.Active => "IP",
            MedicationStatus.Completed => "CM",
            _ => "DC",
        };
        var orc = new string[17];
        Array.Fill(orc, string.Empty);
        orc[0] = "ORC";
        orc[1] = "OK";
        orc[2] = prescription;
        orc[5] = status;
        orc[9] = NativeText.StartDate(medication, NativeText.Hl7);
        orc[12] = Xcn(medication.Prescriber);
        orc[16] = medication.StopReason is null ? string.Empty : "^" + E(medication.StopReason);
        yield return string.Join('|', orc);

        var drug = $"{E(NativeText.DrugCode(medication))}^{E(medication.Medicine.Name)}^{Hl7.Dmd}";
        var rxe = new string[22];
        Array.Fill(rxe, string.Empty);
        rxe[0] = "RXE";
        rxe[1] = $"^^^{NativeText.StartDate(medication, NativeText.Hl7)}^{(medication.EndDate is { } end ? NativeText.Hl7(end) : string.Empty)}";
        rxe[2] = drug;
        rxe[7] = "^" + E(medication.DoseText);
        rxe[10] = NativeText.Number(medication.Quantity);
        rxe[11] = "^" + E(medication.QuantityUnit);
        rxe[12] = medication.MaxIssues?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
        rxe[15] = prescription;
        rxe[17] = medication.Issues.Count.ToString(CultureInfo.InvariantCulture);
        rxe[18] = medication.Issues.Count > 0 ? NativeText.Hl7(medication.Issues[^1].IssueDate) : string.Empty;
        rxe[21] = medication.Type switch
        {
            PrescriptionType.Acute => "A^Acute",
            PrescriptionType.Repeat => "R^Repeat",
            _ => "RD^Repeat dispensing",
        };
        yield return string.Join('|', rxe);
        if (medication.Confidential)
        {
            yield return "ZCF|Y";
        }

        var counter = 1;
        foreach (var issue in medication.Issues)
        {
            yield return string.Join('|', "RXD", (counter++).ToString(CultureInfo.InvariantCulture), drug, NativeText.Hl7(issue.IssueDate),
                NativeText.Number(issue.Quantity), "^" + E(issue.QuantityUnit), string.Empty, prescription);
        }
    }

    private static string Xcn(Practitioner p) => $"{p.SdsUserId}^{E(p.FamilyName)}^{E(p.GivenName)}^^^{E(p.Title)}^^^SDS";

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static string Id(long localId) => localId.ToString(CultureInfo.InvariantCulture);

    private static string E(string? text) => Hl7Escaping.Escape(text);
}
