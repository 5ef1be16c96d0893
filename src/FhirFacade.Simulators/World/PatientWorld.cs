using System.Globalization;
using FhirFacade.Simulators.Catalogues;

namespace FhirFacade.Simulators.World;

/// <summary>
/// The deterministic patient world: every valid NHS number in 999 000 0000 – 999 999 9999 is a
/// patient whose demographics, holders and records are a pure function of the number (no storage),
/// plus the curated demo patients.
/// </summary>
internal static class PatientWorld
{
    /// <summary>The world's fixed "today", so generated records never change with the wall clock.</summary>
    public static readonly DateOnly Today = new(2026, 10, 1);

    private static readonly string[] StopReasons =
        ["Side effects", "No longer required", "Changed to alternative medication", "Ineffective", "Patient request"];

    public static IReadOnlyList<RecordHolding> HoldersOf(string nhsNumber)
    {
        if (DemoPatients.Find(nhsNumber) is { } demo)
        {
            return demo.Holdings;
        }

        if (!NhsNumber.IsInWorld(nhsNumber))
        {
            return [];
        }

        var rng = DeterministicRandom.For(nhsNumber, "holders");
        var practices = SimulatorDirectory.Organisations.Where(o => o.Kind == OrganisationKind.GpPractice).ToArray();
        var registered = rng.Pick(practices);
        var holdings = new List<RecordHolding> { new(registered, true) };
        if (rng.Chance(25))
        {
            var secondary = registered.Supplier == SupplierKind.Tpp ? "L83100" : "RY801";
            holdings.Add(new RecordHolding(SimulatorDirectory.FindOrganisation(secondary)!, false));
        }

        return holdings;
    }

    /// <summary>The records one supplier holds for a patient (empty when it holds none).</summary>
    public static IReadOnlyList<ClinicalRecord> RecordsAt(string nhsNumber, SupplierKind supplier) =>
        HoldersOf(nhsNumber)
            .Where(h => h.Organisation.Supplier == supplier)
            .Select(h => RecordFor(nhsNumber, h))
            .ToArray();

    /// <summary>
    /// The record a patient has at a holding. Also used by the wrong-patient fault to produce another
    /// patient's record at the same organisation.
    /// </summary>
    public static ClinicalRecord RecordFor(string nhsNumber, RecordHolding holding)
    {
        if (DemoPatients.Find(nhsNumber) is { } demo && demo.Holdings.Any(h => h.Organisation.OdsCode == holding.Organisation.OdsCode))
        {
            return demo.Build(holding);
        }

        return Generate(nhsNumber, holding);
    }

    /// <summary>
    /// The record a patient would have at a holding that is not theirs, for the wrong-patient fault that names them: a
    /// demo patient's hand-written record (flags included) wherever they are registered, else a generated one.
    /// </summary>
    public static ClinicalRecord RecordInPlaceOf(string nhsNumber, RecordHolding holding) =>
        DemoPatients.Find(nhsNumber) is { } demo ? demo.Build(holding) : Generate(nhsNumber, holding);

    public static Demographics DemographicsOf(string nhsNumber)
    {
        if (DemoPatients.Find(nhsNumber) is { } demo)
        {
            return demo.Demographics;
        }

        var rng = DeterministicRandom.For(nhsNumber, "demographics");
        var female = rng.Chance(51);
        var given = rng.Pick(female ? PeopleCatalogue.FemaleGivenNames : PeopleCatalogue.MaleGivenNames);
        var middle = rng.Chance(40) ? rng.Pick(female ? PeopleCatalogue.FemaleGivenNames : PeopleCatalogue.MaleGivenNames) : null;
        var family = rng.Pick(PeopleCatalogue.FamilyNames);
        var birth = rng.DateBetween(new DateOnly(1932, 1, 1), new DateOnly(2024, 12, 31));
        var age = Today.Year - birth.Year;
        var title = age < 16 ? (female ? "Miss" : "Master") : female ? rng.Pick(["Mrs", "Ms", "Miss"]) : "Mr";
        var previous = female && age > 25 && rng.Chance(30) ? rng.Pick(PeopleCatalogue.FamilyNames) : null;
        var town = rng.Pick(PeopleCatalogue.Towns);
        var postcode = string.Create(
            CultureInfo.InvariantCulture,
            $"{town.District} {rng.Next(1, 10)}{PeopleCatalogue.InwardLetters[rng.Next(0, 20)]}{PeopleCatalogue.InwardLetters[rng.Next(0, 20)]}");
        var address = new PostalAddress(
            string.Create(CultureInfo.InvariantCulture, $"{rng.Next(1, 180)} {rng.Pick(PeopleCatalogue.Streets)}"),
            null,
            town.Town,
            town.County,
            postcode);
        var phone = rng.Chance(60) ? string.Create(CultureInfo.InvariantCulture, $"0113 496 {rng.Next(0, 10000):D4}") : null;
        var mobile = age >= 12 && rng.Chance(80) ? string.Create(CultureInfo.InvariantCulture, $"07700 900{rng.Next(0, 1000):D3}") : null;
        var email = age >= 16 && rng.Chance(30) ? $"{given.ToLowerInvariant()}.{family.ToLowerInvariant().Replace("'", string.Empty, StringComparison.Ordinal)}@example.com" : null;
        return new Demographics(nhsNumber, title, given, middle, family, previous, female ? AdministrativeSex.Female : AdministrativeSex.Male, birth, null, address, phone, mobile, email);
    }

    private static ClinicalRecord Generate(string nhsNumber, RecordHolding holding)
    {
        var organisation = holding.Organisation;
        var rng = DeterministicRandom.For(nhsNumber, organisation.OdsCode);
        var demographics = DemographicsOf(nhsNumber);
        var clinician = rng.Pick(SimulatorDirectory.PractitionersAt(organisation.OdsCode));
        var earliest = Later(demographics.BirthDate, new DateOnly(1995, 1, 1));
        var registration = rng.DateBetween(earliest, Today.AddDays(-30));
        var orgIndex = SimulatorDirectory.Organisations.ToList().IndexOf(organisation);
        var idBase = (long.Parse(nhsNumber.AsSpan(3, 6), CultureInfo.InvariantCulture) * 10 + orgIndex) * 1000;
        var builder = new RecordBuilder(demographics, holding, clinician, registration, idBase);
        var registered = holding.IsRegisteredPractice;

        var conditions = ConditionCatalogue.For(organisation.Supplier);
        var problemCount = registered ? rng.Next(0, 6) : rng.Next(0, 2);
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < problemCount; i++)
        {
            var concept = rng.Pick(conditions);
            if (!used.Add(concept.SnomedId))
            {
                continue;
            }

            var onsetDate = rng.DateBetween(demographics.BirthDate.AddYears(1), Today.AddDays(-14));
            var onset = PartialDate.Of(onsetDate, RandomPrecision(rng));
            var roll = rng.Next(0, 100);
            var status = roll < 60 ? ProblemStatus.Active : roll < 85 ? ProblemStatus.Inactive : ProblemStatus.Resolved;
            PartialDate? end = status == ProblemStatus.Active ? null : PartialDate.Of(rng.DateBetween(onsetDate.AddDays(7), Later(onsetDate.AddDays(7), Today.AddDays(-1))), DatePrecision.Month);
            var significance = rng.Chance(40) ? ProblemSignificance.Major : ProblemSignificance.Minor;
            builder.Problem(concept.SnomedId, status, significance, onset, end);
        }

        var allergyRoll = rng.Next(0, 100);
        if (allergyRoll < 35)
        {
            builder.NoKnownAllergies(rng.DateBetween(registration, Today.AddDays(-1)));
        }
        else if (allergyRoll < 80)
        {
            var count = rng.Next(1, 3);
            for (var i = 0; i < count; i++)
            {
                var allergen = rng.Pick(AllergenCatalogue.Allergens);
                var reaction = rng.Pick(AllergenCatalogue.Reactions);
                var onsetDate = rng.DateBetween(demographics.BirthDate.AddYears(1), Today.AddDays(-30));
                DateOnly? end = rng.Chance(20) ? rng.DateBetween(onsetDate.AddDays(30), Later(onsetDate.AddDays(30), Today.AddDays(-1))) : null;
                var severity = (AllergySeverity)rng.Next(0, 3);
                if (!used.Add(allergen.SnomedId))
                {
                    continue;
                }

                builder.Allergy(allergen.SnomedId, reaction.SnomedId, severity, PartialDate.Of(onsetDate, RandomPrecision(rng)), end);
            }
        }

        var repeatCount = registered ? rng.Next(0, 4) : rng.Next(0, 2);
        for (var i = 0; i < repeatCount; i++)
        {
            var medicine = rng.Pick(MedicineCatalogue.Repeats);
            var issues = rng.Next(2, 9);
            if (rng.Chance(70))
            {
                var start = Later(registration, Today.AddDays(-((issues - 1) * 28) - rng.Next(0, 20)));
                var type = rng.Chance(10) ? PrescriptionType.RepeatDispensing : PrescriptionType.Repeat;
                builder.Repeat(medicine.DmdId, start, IssuesUntilToday(start, issues), type: type);
            }
            else
            {
                var start = rng.DateBetween(registration, Later(registration, Today.AddDays(-400)));
                var stopped = rng.Chance(50);
                builder.Repeat(medicine.DmdId, start, IssuesUntilToday(start, issues), stopped ? MedicationStatus.Stopped : MedicationStatus.Completed, stopped ? rng.Pick(StopReasons) : null);
            }
        }

        var acuteCount = rng.Next(0, 3);
        for (var i = 0; i < acuteCount; i++)
        {
            builder.Acute(rng.Pick(MedicineCatalogue.Acutes).DmdId, rng.DateBetween(registration, Today.AddDays(-1)));
        }

        return builder.Build(1 + rng.Next(0, 40));
    }

    /// <summary>At most as many 28-day issues as fit between the start and the world's today.</summary>
    private static int IssuesUntilToday(DateOnly start, int wanted) => Math.Max(1, Math.Min(wanted, ((Today.DayNumber - start.DayNumber) / 28) + 1));

    private static DatePrecision RandomPrecision(DeterministicRandom rng)
    {
        var roll = rng.Next(0, 10);
        return roll < 5 ? DatePrecision.Day : roll < 8 ? DatePrecision.Month : DatePrecision.Year;
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
