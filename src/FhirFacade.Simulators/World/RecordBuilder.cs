using FhirFacade.Simulators.Catalogues;

namespace FhirFacade.Simulators.World;

/// <summary>Builds one organisation's <see cref="ClinicalRecord"/> entry by entry (used by the generator and the curated demo patients).</summary>
internal sealed class RecordBuilder
{
    private readonly Demographics _demographics;
    private readonly RecordHolding _holding;
    private readonly Practitioner _clinician;
    private readonly DateOnly _registrationDate;
    private readonly List<ProblemEntry> _problems = [];
    private readonly List<AllergyEntry> _allergies = [];
    private readonly List<MedicationEntry> _medications = [];
    private NoKnownAllergiesEntry? _noKnownAllergies;
    private bool _dissent;
    private bool _sensitive;
    private long _nextId;

    public RecordBuilder(Demographics demographics, RecordHolding holding, Practitioner clinician, DateOnly registrationDate, long idBase)
    {
        _demographics = demographics;
        _holding = holding;
        _clinician = clinician;
        _registrationDate = registrationDate;
        _nextId = idBase;
    }

    public RecordBuilder Flags(bool dissent, bool sensitive)
    {
        _dissent = dissent;
        _sensitive = sensitive;
        return this;
    }

    public RecordBuilder Problem(
        string snomedId,
        ProblemStatus status,
        ProblemSignificance significance,
        PartialDate onset,
        PartialDate? end = null,
        bool confidential = false,
        string? note = null)
    {
        var recorded = Max(onset.Earliest, _registrationDate);
        _problems.Add(new ProblemEntry(_nextId++, ConditionCatalogue.BySnomed(snomedId), status, significance, onset, end, confidential, note, _clinician, recorded));
        return this;
    }

    public RecordBuilder Allergy(
        string allergenId,
        string reactionId,
        AllergySeverity severity,
        PartialDate onset,
        DateOnly? endDate = null,
        bool confidential = false,
        string? note = null)
    {
        var recorded = Max(onset.Earliest, _registrationDate);
        _allergies.Add(new AllergyEntry(_nextId++, AllergenCatalogue.Allergen(allergenId), AllergenCatalogue.Reaction(reactionId), severity, onset, endDate, confidential, note, _clinician, recorded));
        return this;
    }

    public RecordBuilder NoKnownAllergies(DateOnly recorded)
    {
        _noKnownAllergies = new NoKnownAllergiesEntry(_nextId++, recorded, _clinician);
        return this;
    }

    /// <summary>A repeat authorisation with <paramref name="issueCount"/> issues every <paramref name="intervalDays"/> days from <paramref name="start"/>.</summary>
    public RecordBuilder Repeat(
        string dmdId,
        DateOnly start,
        int issueCount,
        MedicationStatus status = MedicationStatus.Active,
        string? stopReason = null,
        int intervalDays = 28,
        bool confidential = false,
        BrokenData broken = BrokenData.None,
        PrescriptionType type = PrescriptionType.Repeat,
        string? doseText = null)
    {
        var medicine = MedicineCatalogue.ById(dmdId);
        var id = _nextId++;
        var issues = new List<MedicationIssue>();
        for (var i = 0; i < issueCount; i++)
        {
            issues.Add(new MedicationIssue(_nextId++, start.AddDays(i * intervalDays), medicine.Quantity, medicine.QuantityUnit));
        }

        var lastIssue = issues.Count > 0 ? issues[^1].IssueDate : start;
        DateOnly? end = status == MedicationStatus.Active ? null : lastIssue.AddDays(intervalDays);
        DateOnly? review = status == MedicationStatus.Active ? lastIssue.AddDays(intervalDays * 6) : null;
        _medications.Add(new MedicationEntry(id, medicine, doseText ?? medicine.DoseText, medicine.Quantity, medicine.QuantityUnit, type, status, start, end, review, type == PrescriptionType.Acute ? 1 : 6, stopReason, issues, confidential, _clinician, broken));
        return this;
    }

    /// <summary>An acute (one-off) prescription issued once on <paramref name="date"/>.</summary>
    public RecordBuilder Acute(string dmdId, DateOnly date, bool confidential = false, BrokenData broken = BrokenData.None) =>
        Repeat(dmdId, date, 1, MedicationStatus.Completed, null, 7, confidential, broken, PrescriptionType.Acute);

    public ClinicalRecord Build(int version)
    {
        var dates = _problems.Select(p => p.RecordedDate)
            .Concat(_allergies.Select(a => a.RecordedDate))
            .Concat(_medications.SelectMany(m => m.Issues.Select(i => i.IssueDate)))
            .Append(_registrationDate)
            .ToList();
        if (_noKnownAllergies is not null)
        {
            dates.Add(_noKnownAllergies.RecordedDate);
        }

        var lastModified = new DateTimeOffset(dates.Max().ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero);
        return new ClinicalRecord(_demographics, _holding, _clinician, _registrationDate, _dissent, _sensitive, _problems.ToArray(), _allergies.ToArray(), _noKnownAllergies, _medications.ToArray(), version, lastModified);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
