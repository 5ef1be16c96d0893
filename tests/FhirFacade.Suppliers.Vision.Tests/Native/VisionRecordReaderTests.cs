using FhirFacade.Core.Suppliers;
using FhirFacade.Suppliers.Vision.Hl7;
using FhirFacade.Suppliers.Vision.Native;

namespace FhirFacade.Suppliers.Vision.Tests.Native;

[Trait("Category", "Unit")]
public sealed class VisionRecordReaderTests
{
    public static TheoryData<string, string, bool, bool> Flags => new()
    {
        { "PD1|||Oakfield Surgery^^^^^^^^^C83001|||||||||N", "ZSH|N|N|GMS|19960401", false, false },
        { "PD1|||Oakfield Surgery^^^^^^^^^C83001|||||||||Y", "ZSH|N|Y|GMS|19960401", true, false },
        { "PD1|||Oakfield Surgery^^^^^^^^^C83001|||||||||Y", "ZSH|N|N|GMS|19960401", true, false },
        { "PD1|||Oakfield Surgery^^^^^^^^^C83001|||||||||N", "ZSH|Y|N|GMS|19960401", false, true },
    };

    [Fact]
    public void Read_RichAnswer_ReadsPatient()
    {
        var record = VisionMessages.Record(VisionMessages.Accepted("C1"));

        var patient = record.Patient;
        patient.NhsNumber.Should().Be(VisionMessages.Nhs);
        patient.LocalId.Should().Be("V0000034");
        patient.Names.Select(n => (n.Family, n.Type)).Should().Equal(("Ellwood", "L"), ("Smith", "M"));
        patient.Practice.Should().Be(new VisionPractice("Oakfield Surgery", "C83001"));
        patient.UsualGp.Should().Be(new VisionClinician("555000300011", "Lindqvist", "Peter", "Dr", "4456780"));
        patient.Telecoms.Should().HaveCount(3);
        patient.RegistrationType.Should().Be("GMS");
    }

    [Fact]
    public void Read_RichAnswer_AttachesMarkersToTheItemBeforeThem()
    {
        var record = VisionMessages.Record(VisionMessages.Accepted("C1"));

        record.Problems.Select(p => (p.Id, p.Confidential)).Should().Equal(("P35000", false), ("P35002", false), ("P35009", false), ("P35010", true));
        record.Problems[0].Note.Should().Be("Peak flow 350|400 L/min; triggers: cats & dogs ^ pollen ~ exercise \\ cold air");
        record.Allergies.Select(a => a.Id).Should().Equal("A35003", "A35005");
        record.Allergies[0].Note.Should().Be("Carries adrenaline auto-injectors | 2 devices & action plan");
        record.Medications.Select(m => (m.Id, m.Confidential)).Should().Equal(("M35004", false), ("M35006", false), ("M35007", false), ("M35008", true));
        record.Medications[0].Issues.Select(i => i.Date).Should().Equal("20251201", "20260110");
        record.Medications[1].StopReason.Should().Be("Side effects");
    }

    [Theory]
    [MemberData(nameof(Flags))]
    public void Read_SharingFlags_ReadsSensitiveAndDissent(string pd1, string zsh, bool sensitive, bool dissent)
    {
        var record = VisionMessages.Record(VisionMessages.Accepted("C1", [], pd1: pd1, zsh: zsh));

        record.Patient.Sensitive.Should().Be(sensitive);
        record.Patient.Dissent.Should().Be(dissent);
    }

    [Fact]
    public void Read_NoPid_ThrowsMalformed()
    {
        Hl7Message.TryParse("MSH|^~\\&|VISION\rMSA|AA|C1\r", out var message, out _).Should().BeTrue();

        var act = () => VisionRecordReader.Read(message!);

        act.Should().Throw<SupplierException>().Which.Kind.Should().Be(SupplierFailureKind.Malformed);
    }

    [Fact]
    public void Read_PidWithoutNhsNumber_ThrowsMalformed()
    {
        var text = VisionMessages.Accepted("C1", [], pid: "PID|1||V0000034^^^VISION^PI||Ellwood^Catherine");

        var act = () => VisionMessages.Record(text);

        act.Should().Throw<SupplierException>().Which.Kind.Should().Be(SupplierFailureKind.Malformed);
    }

    [Theory]
    [InlineData("PID|1||V0000034^^^VISION^PI||Ellwood^Catherine")]
    [InlineData("PID|1||^^^NHS^NH~V0000034^^^VISION^PI||Ellwood^Catherine")]
    public void ReadMatch_PidWithoutNhsNumber_ReadsAnEmptyNhsNumber(string pid)
    {
        Hl7Message.TryParse(VisionMessages.Accepted("C1", [], pid: pid), out var message, out _).Should().BeTrue();

        var record = VisionRecordReader.ReadMatch(message!);

        record.Patient.NhsNumber.Should().BeEmpty();
        record.Patient.Practice!.OdsCode.Should().Be("C83001");
    }

    [Fact]
    public void ReadMatch_NoPid_ThrowsMalformed()
    {
        Hl7Message.TryParse("MSH|^~\\&|VISION\rMSA|AA|C1\r", out var message, out _).Should().BeTrue();

        var act = () => VisionRecordReader.ReadMatch(message!);

        act.Should().Throw<SupplierException>().Which.Kind.Should().Be(SupplierFailureKind.Malformed);
    }

    [Fact]
    public void Read_RxeOutsideAnOrder_ThrowsMalformed()
    {
        var text = VisionMessages.Accepted("C1", ["RXE|^^^20251201^|1^x^DMD"]);

        var act = () => VisionMessages.Record(text);

        act.Should().Throw<SupplierException>().Which.Kind.Should().Be(SupplierFailureKind.Malformed);
    }
}
