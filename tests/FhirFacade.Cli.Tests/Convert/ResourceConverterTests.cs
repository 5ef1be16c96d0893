using FhirFacade.Cli.Commands.Convert;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Cli.Tests.Convert;

[Trait("Category", "Unit")]
public sealed class ResourceConverterTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("fhirfacade-convert-");
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    [Fact]
    public void Convert_JsonToXmlAndBack_GivesTheSameJson()
    {
        var json = Write("patient.json", """{"resourceType":"Patient","id":"p1","active":true,"name":[{"family":"Smith","given":["Jo"]}],"birthDate":"1970-03"}""");
        var xml = new FileInfo(Path.Combine(_dir.FullName, "patient.xml"));
        var back = new FileInfo(Path.Combine(_dir.FullName, "back.json"));
        var sut = CreateSut();

        var toXml = sut.Convert(json, xml, pretty: false, lenient: false);
        var toJson = sut.Convert(xml, back, pretty: false, lenient: false);

        toXml.Should().Be(ResourceConverter.Success);
        toJson.Should().Be(ResourceConverter.Success);
        File.ReadAllText(xml.FullName).Should().Be("<Patient xmlns=\"http://hl7.org/fhir\"><id value=\"p1\" /><active value=\"true\" /><name><family value=\"Smith\" /><given value=\"Jo\" /></name><birthDate value=\"1970-03\" /></Patient>");
        File.ReadAllText(back.FullName).Should().Be("""{"resourceType":"Patient","id":"p1","active":true,"name":[{"family":"Smith","given":["Jo"]}],"birthDate":"1970-03"}""");
    }

    [Fact]
    public void Convert_Pretty_IndentsOutput()
    {
        var json = Write("p.json", """{"resourceType":"Patient","active":true}""");
        var xml = new FileInfo(Path.Combine(_dir.FullName, "p.xml"));

        CreateSut().Convert(json, xml, pretty: true, lenient: false);

        File.ReadAllText(xml.FullName).Should().Be("<Patient xmlns=\"http://hl7.org/fhir\">\n  <active value=\"true\" />\n</Patient>");
    }

    [Fact]
    public void Convert_InvalidInput_PrintsIssuesAndReturnsOne()
    {
        var json = Write("bad.json", """{"resourceType":"Patient","birthDate":"1970-13-45"}""");
        var xml = new FileInfo(Path.Combine(_dir.FullName, "bad.xml"));

        var exit = CreateSut().Convert(json, xml, pretty: false, lenient: false);

        exit.Should().Be(ResourceConverter.Failed);
        _err.ToString().Should().Contain("Patient.birthDate").And.Contain("not converted");
        xml.Exists.Should().BeFalse();
    }

    [Fact]
    public void Convert_UnknownExtension_ReturnsUsageError()
    {
        var input = Write("p.txt", "{}");

        var exit = CreateSut().Convert(input, new FileInfo(Path.Combine(_dir.FullName, "o.xml")), pretty: false, lenient: false);

        exit.Should().Be(ResourceConverter.UsageError);
    }

    public void Dispose()
    {
        _dir.Delete(recursive: true);
        _out.Dispose();
        _err.Dispose();
    }

    private ResourceConverter CreateSut() => new(FhirKernel.Default.Model, _out, _err);

    private FileInfo Write(string name, string content)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, content);
        return new FileInfo(path);
    }
}
