using System.Diagnostics;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Serialization.Xml;

namespace FhirFacade.Fhir.Tests.Serialization.Xml;

[Trait("Category", "Unit")]
public sealed class FhirXmlParserTests
{
    private const string Ns = "xmlns=\"http://hl7.org/fhir\"";

    public static TheoryData<string, string, string, string?> MalformedInputs() => new()
    {
        // name, xml, expected code, expected location (null: no location)
        { "not well-formed", $"<Patient {Ns}><id value=\"a\"></Patient>", XmlIssueCodes.NotWellFormed, null },
        { "empty document", string.Empty, XmlIssueCodes.NotWellFormed, null },
        { "root not in FHIR namespace", "<Patient><id value=\"a\"/></Patient>", XmlIssueCodes.WrongNamespace, "Patient" },
        { "unknown resource type", $"<Patiant {Ns}><id value=\"a\"/></Patiant>", XmlIssueCodes.UnknownResourceType, "Patiant" },
        { "abstract resource type", $"<DomainResource {Ns}><id value=\"a\"/></DomainResource>", XmlIssueCodes.UnknownResourceType, "DomainResource" },
        { "unknown element", $"<Patient {Ns}><favouriteColour value=\"blue\"/></Patient>", XmlIssueCodes.UnknownElement, "Patient.favouriteColour" },
        { "unknown attribute", $"<Patient {Ns}><gender value=\"male\" colour=\"blue\"/></Patient>", XmlIssueCodes.UnknownAttribute, "Patient.gender" },
        { "element in other namespace", $"<Patient {Ns}><x:gender xmlns:x=\"urn:other\" value=\"male\"/></Patient>", XmlIssueCodes.WrongNamespace, "Patient.gender" },
        { "repeated single element", $"<Patient {Ns}><gender value=\"male\"/><gender value=\"female\"/></Patient>", XmlIssueCodes.RepeatedSingle, "Patient.gender" },
        { "out of order", $"<Patient {Ns}><gender value=\"male\"/><active value=\"true\"/></Patient>", XmlIssueCodes.OutOfOrder, "Patient.active" },
        { "invalid boolean", $"<Patient {Ns}><active value=\"yes\"/></Patient>", XmlIssueCodes.InvalidPrimitive, "Patient.active" },
        { "invalid date", $"<Patient {Ns}><birthDate value=\"1970-13-01\"/></Patient>", XmlIssueCodes.InvalidPrimitive, "Patient.birthDate" },
        { "invalid dateTime choice", $"<Patient {Ns}><deceasedDateTime value=\"yesterday\"/></Patient>", XmlIssueCodes.InvalidPrimitive, "Patient.deceased" },
        { "invalid decimal", $"<Observation {Ns}><status value=\"final\"/><code><text value=\"x\"/></code><valueQuantity><value value=\"1,5\"/></valueQuantity></Observation>", XmlIssueCodes.InvalidPrimitive, "Observation.value.value" },
        { "integer out of range", $"<Patient {Ns}><multipleBirthInteger value=\"99999999999\"/></Patient>", XmlIssueCodes.InvalidPrimitive, "Patient.multipleBirth" },
        { "invalid id", $"<Patient {Ns}><id value=\"has space\"/></Patient>", XmlIssueCodes.InvalidPrimitive, "Patient.id" },
        { "empty value attribute", $"<Patient {Ns}><gender value=\"\"/></Patient>", XmlIssueCodes.EmptyValue, "Patient.gender" },
        { "empty primitive element", $"<Patient {Ns}><gender/></Patient>", XmlIssueCodes.EmptyElement, "Patient.gender" },
        { "empty complex element", $"<Patient {Ns}><name/></Patient>", XmlIssueCodes.EmptyElement, "Patient.name[0]" },
        { "text content", $"<Patient {Ns}><gender value=\"male\">male</gender></Patient>", XmlIssueCodes.TextContent, "Patient.gender" },
        { "empty contained", $"<Patient {Ns}><contained/></Patient>", XmlIssueCodes.ContainerShape, "Patient.contained" },
        { "two resources in contained", $"<Patient {Ns}><contained><Organization><name value=\"a\"/></Organization><Organization><name value=\"b\"/></Organization></contained></Patient>", XmlIssueCodes.ContainerShape, "Patient.contained" },
        { "unknown contained type", $"<Patient {Ns}><contained><Nonsense><id value=\"a\"/></Nonsense></contained></Patient>", XmlIssueCodes.UnknownResourceType, "Patient.contained" },
        { "narrative without xhtml namespace", $"<Patient {Ns}><text><status value=\"generated\"/><div>hi</div></text></Patient>", XmlIssueCodes.UnknownElement, "Patient.text.div" },
    };

    [Theory]
    [MemberData(nameof(MalformedInputs))]
    public void Parse_MalformedInput_ReportsIssueWithCodeAndLocation(string name, string xml, string code, string? location)
    {
        var parser = CreateSut();

        var result = parser.Parse(xml);

        result.HasErrors.Should().BeTrue(name);
        result.Issues.Should().Contain(i => i.Code == code && i.Location == location && i.IsError, $"{name}: {string.Join("; ", result.Issues)}");
    }

    [Fact]
    public void Parse_UnknownElementWhenLenient_WarnsAndKeepsTheRest()
    {
        var parser = CreateSut(new FhirXmlParserOptions { Lenient = true });

        var result = parser.Parse($"<Patient {Ns}><favouriteColour value=\"blue\"/><gender value=\"male\"/></Patient>");

        result.HasErrors.Should().BeFalse();
        result.Issues.Should().ContainSingle(i => i.Code == XmlIssueCodes.UnknownElement && i.Severity == IssueSeverity.Warning);
        result.Root!.Child("gender")!.Text.Should().Be("male");
    }

    [Fact]
    public void Parse_ExternalEntity_IsRejectedWithoutResolvingIt()
    {
        var path = Path.Combine(Path.GetTempPath(), "fhirfacade-xxe-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(path, "SECRET-CONTENT");
        try
        {
            var xml = $"<?xml version=\"1.0\"?><!DOCTYPE Patient [<!ENTITY xxe SYSTEM \"file://{path}\">]><Patient {Ns}><id value=\"&xxe;\"/></Patient>";

            var result = CreateSut().Parse(xml);

            result.Root.Should().BeNull();
            result.Issues.Should().ContainSingle().Which.Code.Should().Be(XmlIssueCodes.DtdProhibited);
            result.Issues[0].Type.Should().Be(IssueType.Security);
            result.Issues[0].Message.Should().NotContain("SECRET-CONTENT");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_BillionLaughs_IsRejectedQuicklyWithoutExpansion()
    {
        var entities = string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">"));
        var xml = $"<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol0 \"lol\">{entities}]><Patient {Ns}><id value=\"&lol9;\"/></Patient>";
        var stopwatch = Stopwatch.StartNew();

        var result = CreateSut().Parse(xml);

        stopwatch.Stop();
        result.Root.Should().BeNull();
        result.Issues.Should().ContainSingle().Which.Code.Should().Be(XmlIssueCodes.DtdProhibited);
        // Generous bound: expansion would take minutes and gigabytes; rejection takes microseconds.
        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Parse_DocumentOverSizeLimit_IsRejected()
    {
        var parser = CreateSut(new FhirXmlParserOptions { MaxCharacters = 1000 });
        var xml = $"<Patient {Ns}>{string.Concat(Enumerable.Repeat("<name><family value=\"Smith\"/></name>", 100))}</Patient>";

        var result = parser.Parse(xml);

        result.Root.Should().BeNull();
        result.Issues.Should().ContainSingle(i => i.Code == XmlIssueCodes.TooLarge);
    }

    [Fact]
    public void Parse_NestingDeeperThanLimit_IsRejected()
    {
        var parser = CreateSut(new FhirXmlParserOptions { MaxDepth = 10 });
        var nested = string.Concat(Enumerable.Repeat("<extension url=\"http://e\">", 20)) + "<valueString value=\"x\"/>" + string.Concat(Enumerable.Repeat("</extension>", 20));
        var xml = $"<Patient {Ns}>{nested}</Patient>";

        var result = parser.Parse(xml);

        result.Root.Should().BeNull();
        result.Issues.Should().ContainSingle(i => i.Code == XmlIssueCodes.TooDeep);
    }

    [Fact]
    public void Parse_PrimitiveWithIdAndExtension_KeepsThemAsChildren()
    {
        var xml = $"<Patient {Ns}><birthDate id=\"b1\" value=\"1970-03\"><extension url=\"http://hl7.org/fhir/StructureDefinition/patient-birthTime\"><valueDateTime value=\"1970-03-30T14:35:45-05:00\"/></extension></birthDate></Patient>";

        var result = CreateSut().Parse(xml);

        result.Issues.Should().BeEmpty();
        var birthDate = result.Root!.Child("birthDate")!;
        birthDate.Text.Should().Be("1970-03");
        birthDate.Child("id")!.Text.Should().Be("b1");
        var extension = birthDate.Child("extension")!;
        extension.Child("url")!.Text.Should().Be("http://hl7.org/fhir/StructureDefinition/patient-birthTime");
        extension.Child("value")!.InstanceType.Should().Be("dateTime");
        extension.Child("value")!.Location.Should().Be("Patient.birthDate.extension[0].value");
    }

    [Fact]
    public void Parse_ContainedResource_IsANestedResourceNode()
    {
        var xml = $"<MedicationStatement {Ns}><contained><Medication><id value=\"med1\"/><code><text value=\"Amoxicillin\"/></code></Medication></contained><status value=\"active\"/><medicationReference><reference value=\"#med1\"/></medicationReference><subject><reference value=\"Patient/p1\"/></subject></MedicationStatement>";

        var result = CreateSut().Parse(xml);

        result.Issues.Should().BeEmpty();
        var contained = result.Root!.Child("contained")!;
        contained.IsResource.Should().BeTrue();
        contained.InstanceType.Should().Be("Medication");
        contained.Child("code")!.Child("text")!.Location.Should().Be("MedicationStatement.contained[0].code.text");
        result.Root.Child("medication")!.InstanceType.Should().Be("Reference");
    }

    [Fact]
    public void Parse_Narrative_KeepsXhtmlMarkup()
    {
        var xml = $"<Patient {Ns}><text><status value=\"generated\"/><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Hello <b>there</b></p></div></text></Patient>";

        var result = CreateSut().Parse(xml);

        result.Issues.Should().BeEmpty();
        result.Root!.Child("text")!.Child("div")!.Text.Should().Be("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Hello <b>there</b></p></div>");
    }

    [Fact]
    public void Parse_ErrorPosition_GivesLineAndColumn()
    {
        var xml = $"<Patient {Ns}>\n  <active value=\"true\"/>\n  <gender value=\"male\" bogus=\"1\"/>\n</Patient>";

        var result = CreateSut().Parse(xml);

        var issue = result.Issues.Should().ContainSingle().Subject;
        issue.Position.Should().Be(new SourcePosition(3, 4));
    }

    private static FhirXmlParser CreateSut(FhirXmlParserOptions? options = null) => new(FhirKernel.Default.Model, options);
}
