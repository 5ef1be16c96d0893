using System.Xml;
using FhirFacade.Suppliers.Emis.Native;

namespace FhirFacade.Suppliers.Emis.Tests.Native;

[Trait("Category", "Unit")]
public sealed class EmisXmlReaderTests
{
    [Fact]
    public void ReadRecord_WhenDocumentHasADtd_Throws()
    {
        const string xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]><PatientRecord xmlns=\"urn:fhirfacade:sim:emis:openhr-lite:1\">&e;</PatientRecord>";

        var act = () => EmisXmlReader.ReadRecord(xml);

        act.Should().Throw<XmlException>();
    }

    [Fact]
    public void ReadRecord_WhenDocumentTruncated_Throws()
    {
        var xml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "record-9990000018.xml"));

        var act = () => EmisXmlReader.ReadRecord(xml[..(xml.Length * 6 / 10)]);

        act.Should().Throw<XmlException>();
    }

    [Fact]
    public void ReadRecord_WhenRootIsAnError_Throws()
    {
        const string xml = "<Error xmlns=\"urn:fhirfacade:sim:emis:openhr-lite:1\"><Code>X</Code></Error>";

        var act = () => EmisXmlReader.ReadRecord(xml);

        act.Should().Throw<XmlException>();
    }

    [Fact]
    public void ReadRecord_Fixture_ReadsEveryPart()
    {
        var xml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "record-9990000018.xml"));

        var record = EmisXmlReader.ReadRecord(xml);

        record.Organisation!.OdsCode.Should().Be("A81001");
        record.Patient!.NhsNumber.Should().Be("9990000018");
        record.Patient.Names.Should().HaveCount(2);
        record.Problems.Should().HaveCount(5);
        record.Allergies.Should().ContainSingle();
        record.Medications.Should().HaveCount(4);
        record.Medications.Should().OnlyContain(m => m.Issues.Count > 0);
        record.Practitioners.Should().NotBeEmpty();
    }

    [Fact]
    public void ReadRecord_WhenPartsAreOutOfOrderOrUnknown_ReadsTheKnownPartsAndSkipsTheRest()
    {
        const string xml = """
            <PatientRecord version="3" xmlns="urn:fhirfacade:sim:emis:openhr-lite:1" xmlns:x="urn:other">
              <Events>
                <x:Problem id="foreign"><Code scheme="SNOMED" code="1" /></x:Problem>
                <Medication id="m1"><Drug scheme="DMD" code="42" term="Drug" /><Unknown><Deep>text</Deep></Unknown></Medication>
                <Problem id="p1"><Note>first</Note></Problem>
              </Events>
              <Future><Organisation odsCode="WRONG" /></Future>
              <Patient><NhsNumber>9990000018</NhsNumber></Patient>
              <Organisation odsCode="A81001" />
            </PatientRecord>
            """;

        var record = EmisXmlReader.ReadRecord(xml);

        record.Version.Should().Be("3");
        record.Organisation!.OdsCode.Should().Be("A81001");
        record.Patient!.NhsNumber.Should().Be("9990000018");
        record.Problems.Should().ContainSingle().Which.Id.Should().Be("p1");
        record.Medications.Should().ContainSingle().Which.Drug.Should().Be(new EmisCodedValue("DMD", "42", "Drug"));
    }

    [Fact]
    public void ReadRecord_WhenASingleElementRepeats_TheFirstCounts()
    {
        const string xml = """
            <PatientSummary xmlns="urn:fhirfacade:sim:emis:openhr-lite:1">
              <Patient><NhsNumber> </NhsNumber><NhsNumber>9990000018</NhsNumber><Sex>F</Sex><Sex>M</Sex></Patient>
              <Organisation odsCode="A81001" />
              <Organisation odsCode="B00000" />
            </PatientSummary>
            """;

        var record = EmisXmlReader.ReadRecord(xml);

        record.Patient!.NhsNumber.Should().BeNull();
        record.Patient.Sex.Should().Be("F");
        record.Organisation!.OdsCode.Should().Be("A81001");
    }

    [Fact]
    public void ReadRecord_TextWithCdataOrMarkup_ReadsAllTheTextTrimmed()
    {
        const string xml = """
            <PatientRecord xmlns="urn:fhirfacade:sim:emis:openhr-lite:1">
              <Events>
                <Problem id="p1"><Note>  one <![CDATA[<two>]]><b> three</b>  </Note><Onset precision="year">   </Onset><End precision="month"> 2020-01 </End></Problem>
              </Events>
            </PatientRecord>
            """;

        var problem = EmisXmlReader.ReadRecord(xml).Problems.Single();

        problem.Note.Should().Be("one <two> three");
        problem.Onset.Should().BeNull();
        problem.End.Should().Be(new EmisPartialDate("month", "2020-01"));
    }

    [Fact]
    public void ReadRecord_ConsecutiveRepeatedItems_ReadsEveryOne()
    {
        const string xml = """
            <PatientRecord xmlns="urn:fhirfacade:sim:emis:openhr-lite:1"><Practitioners><Practitioner id="a"><GivenName>A</GivenName></Practitioner><Practitioner><SdsUserId>b</SdsUserId></Practitioner><Practitioner id="c" /></Practitioners><Events><Medication id="m"><Issues><Issue id="i1" date="2024-01-01" /><Issue id="i2" quantity="28" unit="tablet"></Issue><Issue id="i3" /></Issues></Medication><NoKnownAllergies id="n"><Code scheme="SNOMED" code="716186003" /></NoKnownAllergies><Allergy id="a1" status="active" confidential="true"><Reaction><Severity>severe</Severity><Manifestation code="1" /></Reaction></Allergy></Events></PatientRecord>
            """;

        var record = EmisXmlReader.ReadRecord(xml);

        record.Practitioners.Select(p => p.Id).Should().Equal("a", "b", "c");
        record.Medications.Single().Issues.Should().Equal(
            new EmisMedicationIssue("i1", "2024-01-01", null, null),
            new EmisMedicationIssue("i2", null, "28", "tablet"),
            new EmisMedicationIssue("i3", null, null, null));
        record.Allergies.Should().HaveCount(2);
        record.Allergies[0].Should().Match<EmisAllergy>(a => a.IsNoKnownAllergies && a.Status == "active" && a.Allergen!.Code == "716186003");
        record.Allergies[1].Should().Match<EmisAllergy>(a => a.Confidential && a.Severity == "severe" && a.Manifestation!.Code == "1" && a.Allergen == null);
    }

    [Fact]
    public void ReadRecord_WhenMarkupFollowsTheRoot_Throws()
    {
        const string xml = "<PatientSummary xmlns=\"urn:fhirfacade:sim:emis:openhr-lite:1\" /><Second />";

        var act = () => EmisXmlReader.ReadRecord(xml);

        act.Should().Throw<XmlException>();
    }

    [Fact]
    public void ReadRecord_FromAStream_ReadsTheSameAsFromText()
    {
        var xml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "record-9990000018.xml"));
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml));

        var record = EmisXmlReader.ReadRecord(stream);

        record.Should().BeEquivalentTo(EmisXmlReader.ReadRecord(xml));
    }

    [Fact]
    public void ReadOrganisationDocument_WhenRootIsAPractitioner_Throws()
    {
        var xml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "practitioner-555000100011.xml"));

        var act = () => EmisXmlReader.ReadOrganisationDocument(xml);

        act.Should().Throw<XmlException>();
    }

    [Fact]
    public void ReadPatientMatches_SearchResults_ReadsTheNhsNumbersAndTruncation()
    {
        const string xml = """
            <PatientSearchResults truncated="true" xmlns="urn:fhirfacade:sim:emis:openhr-lite:1">
              <Match><NhsNumber> 9990000018 </NhsNumber></Match>
              <Match><NhsNumber /></Match>
              <Match><NhsNumber>9990000026</NhsNumber><Extra>x</Extra></Match>
            </PatientSearchResults>
            """;

        var matches = EmisXmlReader.ReadPatientMatches(xml);

        matches.NhsNumbers.Should().Equal("9990000018", "9990000026");
        matches.Truncated.Should().BeTrue();
    }

    [Fact]
    public void ReadPatientMatches_WhenRootIsARecord_Throws()
    {
        const string xml = "<PatientRecord xmlns=\"urn:fhirfacade:sim:emis:openhr-lite:1\" />";

        var act = () => EmisXmlReader.ReadPatientMatches(xml);

        act.Should().Throw<XmlException>();
    }
}
