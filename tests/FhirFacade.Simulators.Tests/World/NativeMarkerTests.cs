using System.Text.Json.Nodes;
using FhirFacade.Simulators.Emis;
using FhirFacade.Simulators.Microtest;
using FhirFacade.Simulators.Tpp;
using FhirFacade.Simulators.Vision;
using FhirFacade.Simulators.World;

namespace FhirFacade.Simulators.Tests.World;

/// <summary>Dissent, sensitive and confidential markers in each supplier's native form.</summary>
[Trait("Category", "Unit")]
public sealed class NativeMarkerTests
{
    private static readonly ClinicalRecord Record = BuildRecord();

    [Fact]
    public void Emis_Record_CarriesFlagsAndConfidentialAttributes()
    {
        var xml = EmisRecordWriter.Record(Record, RecordAreas.All);

        xml.Should().Contain("<SharingFlags dissent=\"true\" sensitive=\"true\" />");
        xml.Should().Contain("<Problem id=").And.Contain("confidential=\"true\"");
    }

    [Fact]
    public void Tpp_Record_CarriesFlagsAndPrivateRows()
    {
        var json = TppJson.Record(Record, RecordAreas.All);

        json["patient"]!["dissent"]!.GetValue<bool>().Should().BeTrue();
        json["patient"]!["sensitive"]!.GetValue<bool>().Should().BeTrue();
        json["problems"]![0]!["private"]!.GetValue<bool>().Should().BeTrue();
        json["medications"]![0]!["private"]!.GetValue<bool>().Should().BeTrue();
        json["allergies"]![0]!["private"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public void Microtest_Items_CarryFlagsAndConfidential()
    {
        var patient = MicrotestJson.Patient(Record);

        patient["sharing_dissent"]!.GetValue<bool>().Should().BeTrue();
        patient["sensitive"]!.GetValue<bool>().Should().BeTrue();
        MicrotestJson.Problem(Record.Problems[0])["confidential"]!.GetValue<bool>().Should().BeTrue();
        MicrotestJson.Medication(Record.Medications[0])["confidential"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public void Vision_Record_CarriesZshPd1AndZcf()
    {
        var message = VisionMessageWriter.Record("MSH|^~\\&|VISION", "C1", "T1", "QPD|x", Record, RecordAreas.All, demographicsOnly: false);

        var segments = message.Split('\r', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split('|')).ToList();
        segments.Single(s => s[0] == "ZSH")[1].Should().Be("Y");
        segments.Single(s => s[0] == "ZSH")[2].Should().Be("Y");
        segments.Single(s => s[0] == "PD1")[12].Should().Be("Y");
        var names = segments.Select(s => s[0]).ToList();
        names[names.IndexOf("PRB") + 1].Should().Be("ZCF");
        names[names.IndexOf("RXE") + 1].Should().Be("ZCF");
        names.Count(n => n == "ZCF").Should().Be(2);
    }

    private static ClinicalRecord BuildRecord()
    {
        var holding = new RecordHolding(SimulatorDirectory.FindOrganisation("B82005")!, true);
        var demographics = PatientWorld.DemographicsOf("9990000158");
        return new RecordBuilder(demographics, holding, SimulatorDirectory.PractitionersAt("B82005")[0], new DateOnly(2010, 1, 1), 1000)
            .Flags(dissent: true, sensitive: true)
            .Problem("195967001", ProblemStatus.Active, ProblemSignificance.Minor, new PartialDate(2012), confidential: true)
            .Allergy("256349002", "39579001", AllergySeverity.Severe, new PartialDate(2011))
            .Acute("41948311000001104", new DateOnly(2020, 5, 1), confidential: true)
            .Build(1);
    }
}
