using System.Text.Json.Nodes;
using FhirFacade.Simulators.World;

namespace FhirFacade.Simulators.Tests.World;

[Trait("Category", "Unit")]
public sealed class DemoPatientsTests
{
    public static TheoryData<string> ListedNumbers
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var patient in Listed())
            {
                data.Add(patient["nhsNumber"]!.GetValue<string>());
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ListedNumbers))]
    public void DemoPatient_ListedInExamples_ExistsWithTheListedHoldings(string nhs)
    {
        var listed = Listed().Single(p => p["nhsNumber"]!.GetValue<string>() == nhs);

        NhsNumber.IsValid(nhs).Should().BeTrue();
        nhs.Should().StartWith("999");
        var holdings = SimulatorDirectory.HoldersOf(nhs);
        holdings.Select(h => (h.Organisation.OdsCode, h.IsRegisteredPractice)).Should().Equal(
            listed["holdings"]!.AsArray().Select(h => (h!["odsCode"]!.GetValue<string>(), h["registered"]!.GetValue<bool>())));
        holdings.Select(h => PatientWorld.RecordFor(nhs, h)).Should().OnlyContain(r => r.Demographics.NhsNumber == nhs);
    }

    [Theory]
    [MemberData(nameof(ListedNumbers))]
    public void DemoPatient_Problems_AreExpressibleInEachHoldersCodeSystem(string nhs)
    {
        foreach (var holding in SimulatorDirectory.HoldersOf(nhs))
        {
            var record = PatientWorld.RecordFor(nhs, holding);
            var codes = record.Problems.Select(p => holding.Organisation.Supplier switch
            {
                SupplierKind.Emis => p.Concept.SnomedId,
                SupplierKind.Tpp => p.Concept.Ctv3,
                _ => p.Concept.Read2,
            });

            codes.Should().NotContainNulls();
        }
    }

    [Fact]
    public void DemoPatients_AreAllListed() =>
        DemoPatients.All.Select(p => p.NhsNumber).Should().BeEquivalentTo(Listed().Select(p => p["nhsNumber"]!.GetValue<string>()));

    [Fact]
    public void DemoPatients_CoverEverySpecialCase()
    {
        Record(DemoPatients.Dissent).Dissent.Should().BeTrue();
        Record(DemoPatients.Sensitive).Sensitive.Should().BeTrue();
        Record(DemoPatients.ConfidentialItems).Problems.Should().Contain(p => p.Confidential && p.Concept.SexualHealth);
        SimulatorDirectory.HoldersOf(DemoPatients.SharingOff)[0].Organisation.ThirdPartySharing.Should().BeFalse();
        Record(DemoPatients.BrokenData).Medications.Select(m => m.Broken).Should().Contain([BrokenData.MissingDrugCode, BrokenData.InvalidDrugCode, BrokenData.ImpossibleDate]);
        Record(DemoPatients.NoKnownAllergies).NoKnownAllergies.Should().NotBeNull();
        Record(DemoPatients.ResolvedHistory).Allergies.Should().Contain(a => a.Resolved).And.Contain(a => !a.Resolved);
        Record(DemoPatients.ResolvedHistory).Problems.Should().Contain(p => p.Status != ProblemStatus.Active);
        Record(DemoPatients.Deceased).Demographics.DeathDate.Should().NotBeNull();
        SimulatorDirectory.HoldersOf(DemoPatients.AllFourSuppliers).Select(h => h.Organisation.Supplier).Distinct().Should().HaveCount(4);
        new[] { DemoPatients.EmisRich, DemoPatients.TppRich, DemoPatients.VisionRich, DemoPatients.MicrotestPaged }
            .Select(n => SimulatorDirectory.HoldersOf(n)[0].Organisation.Supplier).Should().OnlyHaveUniqueItems();
    }

    private static ClinicalRecord Record(string nhs) => PatientWorld.RecordFor(nhs, SimulatorDirectory.HoldersOf(nhs)[0]);

    private static List<JsonNode> Listed() =>
        JsonNode.Parse(File.ReadAllText(RepositoryPaths.Of("examples", "demo-patients.json")))!["patients"]!.AsArray().Select(p => p!).ToList();
}
