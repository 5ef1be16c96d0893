using FhirFacade.Simulators.World;

namespace FhirFacade.Simulators.Tests.World;

[Trait("Category", "Unit")]
public sealed class PatientWorldTests
{
    private static readonly IReadOnlyList<string> Sample = SampleNumbers(300);

    [Fact]
    public void HoldersOf_InvalidOrOutOfRangeNumber_IsEmpty()
    {
        SimulatorDirectory.HoldersOf("9990000017").Should().BeEmpty();
        SimulatorDirectory.HoldersOf("4010232137").Should().BeEmpty();
    }

    [Fact]
    public void HoldersOf_GeneratedPatients_HaveOneRegisteredPracticeAndSometimesASecondSupplier()
    {
        var holdings = Sample.Select(SimulatorDirectory.HoldersOf).ToList();

        holdings.Should().OnlyContain(h => h.Count(x => x.IsRegisteredPractice) == 1 && h[0].IsRegisteredPractice);
        holdings.Should().OnlyContain(h => h.Select(x => x.Organisation.Supplier).Distinct().Count() == h.Count);
        holdings.Count(h => h.Count == 2).Should().BeInRange(30, 120);
        holdings.SelectMany(h => h).Select(x => x.Organisation.OdsCode).Distinct().Should().HaveCountGreaterThanOrEqualTo(7);
    }

    [Fact]
    public void RecordFor_SameNumber_IsEqualEveryTime()
    {
        var nhs = Sample[17];
        var holding = SimulatorDirectory.HoldersOf(nhs)[0];

        var first = PatientWorld.RecordFor(nhs, holding);
        var second = PatientWorld.RecordFor(nhs, holding);

        second.Should().BeEquivalentTo(first);
    }

    [Fact]
    public void GeneratedRecords_HavePlausibleDates()
    {
        var records = Sample.Concat(DemoPatients.All.Select(d => d.NhsNumber))
            .SelectMany(n => SimulatorDirectory.HoldersOf(n).Select(h => PatientWorld.RecordFor(n, h)))
            .ToList();

        foreach (var record in records)
        {
            var birth = record.Demographics.BirthDate;
            record.Problems.All(p => p.Onset.Earliest >= new DateOnly(birth.Year, 1, 1) && (p.End == null || p.End.Earliest >= new DateOnly(p.Onset.Year, p.Onset.Month ?? 1, 1))).Should().BeTrue();
            record.Problems.All(p => (p.Status == ProblemStatus.Active) == (p.End == null)).Should().BeTrue();
            record.Allergies.All(a => a.EndDate == null || a.EndDate > a.Onset.Earliest).Should().BeTrue();
            record.Medications.All(m => m.Issues.Count > 0 && m.Issues[0].IssueDate == m.StartDate && m.Issues.All(i => i.IssueDate <= PatientWorld.Today)).Should().BeTrue();
            record.Medications.All(m => (m.Status == MedicationStatus.Active) == (m.EndDate == null)).Should().BeTrue();
            record.Medications.Where(m => m.Status == MedicationStatus.Stopped).All(m => m.StopReason != null).Should().BeTrue();
            record.Demographics.Address.Postcode.Should().MatchRegex("^[A-Z]{1,2}[0-9]{1,2} [0-9][A-Z]{2}$");
        }

        records.SelectMany(r => r.Medications).Should().Contain(m => m.Type == PrescriptionType.Repeat && m.Issues.Count > 3);
        records.SelectMany(r => r.Medications).Select(m => m.Type).Distinct().Should().HaveCount(3);
        records.SelectMany(r => r.Medications).Select(m => m.Status).Distinct().Should().HaveCount(3);
        records.Should().Contain(r => r.NoKnownAllergies != null);
        records.SelectMany(r => r.Problems).Select(p => p.Onset.Precision).Distinct().Should().HaveCount(3);
    }

    [Fact]
    public void GeneratedPatients_NeverCarryDissentOrSensitiveFlags() =>
        Sample.SelectMany(n => SimulatorDirectory.HoldersOf(n).Select(h => PatientWorld.RecordFor(n, h)))
            .Should().OnlyContain(r => !r.Dissent && !r.Sensitive);

    private static List<string> SampleNumbers(int count)
    {
        var numbers = new List<string>();
        var nhs = "9994000000";
        while (numbers.Count < count)
        {
            nhs = NhsNumber.NextInWorld(nhs);
            numbers.Add(nhs);
        }

        return numbers;
    }
}
