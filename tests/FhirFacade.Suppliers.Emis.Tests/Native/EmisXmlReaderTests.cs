using System.Xml;
using FhirFacade.Suppliers.Emis.Native;

namespace FhirFacade.Suppliers.Emis.Tests.Native;

[Trait("Category", "Unit")]
public sealed class EmisXmlReaderTests
{
    [Fact]
    public void Parse_WhenDocumentHasADtd_Throws()
    {
        const string xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]><PatientRecord xmlns=\"urn:fhirfacade:sim:emis:openhr-lite:1\">&e;</PatientRecord>";

        var act = () => EmisXmlReader.Parse(xml);

        act.Should().Throw<XmlException>();
    }

    [Fact]
    public void Parse_WhenDocumentTruncated_Throws()
    {
        var xml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "record-9990000018.xml"));

        var act = () => EmisXmlReader.Parse(xml[..(xml.Length * 6 / 10)]);

        act.Should().Throw<XmlException>();
    }

    [Fact]
    public void ReadRecord_WhenRootIsAnError_Throws()
    {
        var document = EmisXmlReader.Parse("<Error xmlns=\"urn:fhirfacade:sim:emis:openhr-lite:1\"><Code>X</Code></Error>");

        var act = () => EmisXmlReader.ReadRecord(document);

        act.Should().Throw<XmlException>();
    }

    [Fact]
    public void ReadRecord_Fixture_ReadsEveryPart()
    {
        var document = EmisXmlReader.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "record-9990000018.xml")));

        var record = EmisXmlReader.ReadRecord(document);

        record.Organisation!.OdsCode.Should().Be("A81001");
        record.Patient!.NhsNumber.Should().Be("9990000018");
        record.Patient.Names.Should().HaveCount(2);
        record.Problems.Should().HaveCount(5);
        record.Allergies.Should().ContainSingle();
        record.Medications.Should().HaveCount(4);
        record.Medications.Should().OnlyContain(m => m.Issues.Count > 0);
        record.Practitioners.Should().NotBeEmpty();
    }
}
