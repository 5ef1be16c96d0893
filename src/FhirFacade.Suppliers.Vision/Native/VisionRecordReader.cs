using FhirFacade.Suppliers.Vision.Hl7;

namespace FhirFacade.Suppliers.Vision.Native;

/// <summary>
/// Reads an accepted RSP^K11 into a <see cref="VisionRecord"/>: PID/PD1/ZSH, then the item groups in order
/// (PRB [ZCF] [NTE], AL1 ZAL [ZCF] [NTE], ORC RXE [ZCF] RXD*). ZCF and NTE apply to the item before them.
/// A record without a PID is malformed; unknown segments are skipped.
/// </summary>
internal static class VisionRecordReader
{
    /// <summary>Reads an answer about the patient asked for: a PID-3 carrying no NHS number makes it malformed.</summary>
    public static VisionRecord Read(Hl7Message message) => Read(message, requireNhsNumber: true);

    /// <summary>
    /// Reads the answer about one match of a name search: a PID-3 carrying no NHS number reads as an empty
    /// <see cref="VisionPatient.NhsNumber"/> instead of failing, so that the search leaves out that one match with a
    /// warning rather than losing every other match with it. Only the name search may use this: an answer to a
    /// question about one patient that names no patient stays malformed (<see cref="Read(Hl7Message)"/>).
    /// </summary>
    public static VisionRecord ReadMatch(Hl7Message message) => Read(message, requireNhsNumber: false);

    private static VisionRecord Read(Hl7Message message, bool requireNhsNumber)
    {
        var pid = message.First("PID") ?? throw Malformed("the answer has no PID segment");
        var patient = ReadPatient(pid, message.First("PD1"), message.First("ZSH"), requireNhsNumber);
        var problems = new List<VisionProblem>();
        var allergies = new List<VisionAllergy>();
        var medications = new List<VisionMedication>();
        object? current = null;
        foreach (var segment in message.Segments)
        {
            switch (segment.Name)
            {
                case "PRB":
                    var problem = ReadProblem(segment);
                    problems.Add(problem);
                    current = problem;
                    break;
                case "AL1":
                    var allergy = ReadAllergy(segment);
                    allergies.Add(allergy);
                    current = allergy;
                    break;
                case "ZAL" when current is VisionAllergy withDetails:
                    withDetails.Status = segment.Value(1);
                    withDetails.EndDate = segment.Value(2);
                    withDetails.Recorded = segment.Value(3);
                    withDetails.Id = segment.Value(4);
                    withDetails.RecordedBy = Clinician(segment.FirstRepetition(5));
                    break;
                case "ORC":
                    var medication = ReadOrder(segment);
                    medications.Add(medication);
                    current = medication;
                    break;
                case "RXE" when current is VisionMedication order:
                    ReadEncodedOrder(segment, order);
                    break;
                case "RXD" when current is VisionMedication dispensed:
                    dispensed.Issues.Add(new VisionMedicationIssue(segment.Value(1), segment.Value(3), segment.Value(4), segment.Value(5, 2)));
                    break;
                case "ZCF":
                    MarkConfidential(current, segment.Value(1) == VisionCodeSystems.Yes);
                    break;
                case "NTE":
                    AddNote(current, segment.Value(3));
                    break;
                case "ZAL" or "RXE" or "RXD":
                    throw Malformed($"a {segment.Name} segment is not inside its item group");
                default:
                    break;
            }
        }

        return new VisionRecord(patient, problems, allergies, medications);
    }

    private static VisionPatient ReadPatient(Hl7Segment pid, Hl7Segment? pd1, Hl7Segment? zsh, bool requireNhsNumber)
    {
        var identifiers = pid.Repetitions(3);
        var nhs = identifiers.FirstOrDefault(r => r.Component(4) == VisionCodeSystems.NhsAuthority)?.Component(1) ?? string.Empty;
        if (nhs.Length == 0 && requireNhsNumber)
        {
            throw Malformed("PID-3 carries no NHS number");
        }

        var address = pid.FirstRepetition(11);
        var providers = pd1?.Repetitions(4) ?? [];
        var sds = providers.FirstOrDefault(p => p.Component(9) == VisionCodeSystems.SdsAuthority);
        var gmc = providers.FirstOrDefault(p => p.Component(9) == VisionCodeSystems.GmcAuthority)?.Component(1);
        var practice = pd1?.FirstRepetition(3);
        return new VisionPatient
        {
            NhsNumber = nhs,
            LocalId = identifiers.FirstOrDefault(r => r.Component(5) == "PI")?.Component(1),
            Names = [.. pid.Repetitions(5).Select(r => new VisionName(r.Component(1), r.Component(2), r.Component(3), r.Component(5), r.Component(7)))],
            BirthDate = pid.Value(7),
            Sex = pid.Value(8),
            Address = address is null ? null : new VisionAddress(address.Component(1), address.Component(2), address.Component(3), address.Component(4), address.Component(5), address.Component(6), address.Component(7)),
            Telecoms = [.. pid.Repetitions(13).Select(r => new VisionTelecom(r.Component(1), r.Component(2), r.Component(3), r.Component(4)))],
            DeathDate = pid.Value(29),
            DeathIndicator = pid.Value(30) == VisionCodeSystems.Yes,
            Practice = practice is null ? null : new VisionPractice(practice.Component(1), practice.Component(10)),
            UsualGp = Clinician(sds, gmc),
            Sensitive = pd1?.Value(12) == VisionCodeSystems.Yes || zsh?.Value(2) == VisionCodeSystems.Yes,
            Dissent = zsh?.Value(1) == VisionCodeSystems.Yes,
            RegistrationType = zsh?.Value(3) ?? string.Empty,
            RegistrationDate = zsh?.Value(4) ?? string.Empty,
        };
    }

    private static VisionProblem ReadProblem(Hl7Segment prb) => new()
    {
        Id = prb.Value(4),
        Code = Coded(prb, 3),
        Recorded = prb.Value(2),
        End = prb.Value(9),
        Status = prb.Value(14),
        Onset = prb.Value(16),
        Significance = prb.Value(18),
    };

    private static VisionAllergy ReadAllergy(Hl7Segment al1) => new()
    {
        SetId = al1.Value(1),
        Type = al1.Value(2),
        Allergen = Coded(al1, 3),
        Severity = al1.Value(4),
        Reaction = al1.IsPresent(5) ? Coded(al1, 5) : null,
        Onset = al1.Value(6),
    };

    private static VisionMedication ReadOrder(Hl7Segment orc) => new()
    {
        Id = orc.Value(2),
        Status = orc.Value(5),
        StartDate = orc.Value(9),
        Prescriber = Clinician(orc.FirstRepetition(12)),
        StopReason = orc.Value(16, 2),
    };

    private static void ReadEncodedOrder(Hl7Segment rxe, VisionMedication order)
    {
        order.EndDate = rxe.Value(1, 5);
        order.Drug = rxe.IsPresent(2) ? Coded(rxe, 2) : null;
        order.Dose = rxe.Value(7, 2);
        order.Quantity = rxe.Value(10);
        order.Unit = rxe.Value(11, 2);
        order.MaxIssues = rxe.Value(12);
        order.LastIssueDate = rxe.Value(18);
        order.Type = rxe.Value(21);
    }

    private static void MarkConfidential(object? item, bool confidential)
    {
        switch (item)
        {
            case VisionProblem problem:
                problem.Confidential |= confidential;
                break;
            case VisionAllergy allergy:
                allergy.Confidential |= confidential;
                break;
            case VisionMedication medication:
                medication.Confidential |= confidential;
                break;
            default:
                break;
        }
    }

    private static void AddNote(object? item, string note)
    {
        if (note.Length == 0)
        {
            return;
        }

        switch (item)
        {
            case VisionProblem problem:
                problem.Note = problem.Note is null ? note : problem.Note + "\n" + note;
                break;
            case VisionAllergy allergy:
                allergy.Note = allergy.Note is null ? note : allergy.Note + "\n" + note;
                break;
            default:
                break;
        }
    }

    private static VisionCodedValue Coded(Hl7Segment segment, int field) =>
        new(segment.Value(field, 1), segment.Value(field, 2), segment.Value(field, 3));

    private static VisionClinician? Clinician(Hl7Repetition? xcn, string? gmcNumber = null) =>
        xcn is null || xcn.Component(1).Length == 0
            ? null
            : new VisionClinician(xcn.Component(1), xcn.Component(2), xcn.Component(3), xcn.Component(6), gmcNumber);

    private static SupplierException Malformed(string reason) =>
        new(SupplierFailureKind.Malformed, "Vision sent an answer the facade could not read: " + reason + ".");
}
