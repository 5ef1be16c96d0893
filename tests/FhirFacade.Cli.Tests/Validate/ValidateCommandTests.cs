using System.CommandLine;
using System.Text.Json;
using FhirFacade.Cli.Commands.Validate;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Cli.Tests.Validate;

[Trait("Category", "Integration")]
public sealed class ValidateCommandTests : IDisposable
{
    private const string PatientExample = "Patient-UKCore-Patient-RichardSmith-Example.json";
    private const string UkCorePatient = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient";

    private readonly string _folder = Directory.CreateTempSubdirectory("fhirfacade-validate-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Invoke_ValidExample_ReturnsZero()
    {
        var file = Write("patient.json", TestFhir.ReadUkCoreExample(PatientExample));

        var (exit, output, _) = await RunAsync("validate", file, "--profile", UkCorePatient);

        exit.Should().Be(ValidateCommand.Success);
        output.Should().Contain("1 file(s) validated, 0 with errors");
    }

    [Fact]
    public async Task Invoke_ResourceWithError_ReturnsOneAndPrintsTheIssue()
    {
        var file = Write("patient.json", """{"resourceType":"Patient","communication":[{"preferred":true}]}""");

        var (exit, output, _) = await RunAsync("validate", file);

        exit.Should().Be(ValidateCommand.ErrorsFound);
        output.Should().Contain($"{file}: error Patient.communication[0].language VAL-CARD-MIN");
    }

    [Fact]
    public async Task Invoke_Folder_ValidatesEveryJsonFile()
    {
        Write("a.json", TestFhir.ReadUkCoreExample(PatientExample));
        Write("b.json", """{"resourceType":"Patient","birthDate":"2021-02-30"}""");
        Write("notes.txt", "not FHIR");

        var (exit, output, _) = await RunAsync("validate", _folder);

        exit.Should().Be(ValidateCommand.ErrorsFound);
        output.Should().Contain("2 file(s) validated, 1 with errors").And.Contain("VAL-PRIMITIVE");
    }

    [Fact]
    public async Task Invoke_XmlFile_IsValidatedLikeJson()
    {
        var file = Write("patient.xml", """<Patient xmlns="http://hl7.org/fhir"><communication><preferred value="true"/></communication></Patient>""");

        var (exit, output, _) = await RunAsync("validate", file);

        exit.Should().Be(ValidateCommand.ErrorsFound);
        output.Should().Contain($"{file}: error Patient.communication[0].language VAL-CARD-MIN");
    }

    [Fact]
    public async Task Invoke_ValidXmlFile_ReturnsZero()
    {
        var file = Write("organization.xml", """<Organization xmlns="http://hl7.org/fhir"><name value="White Rose Medical Centre"/></Organization>""");

        var (exit, output, _) = await RunAsync("validate", file);

        exit.Should().Be(ValidateCommand.Success, output);
        output.Should().Contain("1 file(s) validated, 0 with errors");
    }

    [Fact]
    public async Task Invoke_MixedFolder_ValidatesJsonAndXmlFiles()
    {
        Write("a.json", TestFhir.ReadUkCoreExample(PatientExample));
        Write("b.xml", """<Patient xmlns="http://hl7.org/fhir"><birthDate value="2021-02-30"/></Patient>""");
        Write("nested/c.XML", """<Organization xmlns="http://hl7.org/fhir"><name value="A"/></Organization>""");
        Write("notes.txt", "not FHIR");

        var (exit, output, _) = await RunAsync("validate", _folder);

        exit.Should().Be(ValidateCommand.ErrorsFound);
        output.Should().Contain("3 file(s) validated, 1 with errors").And.Contain("b.xml: error Patient.birthDate VAL-PRIMITIVE");
    }

    [Fact]
    public async Task Invoke_UnparsableXml_ReturnsOne()
    {
        var file = Write("broken.xml", "<Patient xmlns=\"http://hl7.org/fhir\"><id value=\"a\"/>");

        var (exit, _, _) = await RunAsync("validate", file);

        exit.Should().Be(ValidateCommand.ErrorsFound);
    }

    [Fact]
    public async Task Invoke_JsonFormat_WritesAnOperationOutcome()
    {
        var file = Write("patient.json", """{"resourceType":"Patient","communication":[{"preferred":true}]}""");

        var (exit, output, _) = await RunAsync("validate", file, "--format", "json");

        exit.Should().Be(ValidateCommand.ErrorsFound);
        using var outcome = JsonDocument.Parse(output);
        outcome.RootElement.GetProperty("resourceType").GetString().Should().Be("OperationOutcome");
        var issue = outcome.RootElement.GetProperty("issue").EnumerateArray().Single(i => i.GetProperty("severity").GetString() == "error");
        issue.GetProperty("details").GetProperty("coding")[0].GetProperty("code").GetString().Should().Be("VAL-CARD-MIN");
        issue.GetProperty("expression")[0].GetString().Should().Be("Patient.communication[0].language");
    }

    [Fact]
    public async Task Invoke_JsonFormatForSeveralFiles_WritesABundleOfOutcomes()
    {
        Write("a.json", TestFhir.ReadUkCoreExample(PatientExample));
        Write("b.json", """{"resourceType":"Patient"}""");

        var (_, output, _) = await RunAsync("validate", _folder, "--format", "json");

        using var bundle = JsonDocument.Parse(output);
        bundle.RootElement.GetProperty("resourceType").GetString().Should().Be("Bundle");
        bundle.RootElement.GetProperty("entry").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task Invoke_UnparsableJson_ReturnsOne()
    {
        var file = Write("broken.json", "{ not json");

        var (exit, _, _) = await RunAsync("validate", file);

        exit.Should().Be(ValidateCommand.ErrorsFound);
    }

    public static TheoryData<string[]> UsageErrors() => new()
    {
        new[] { "validate" },
        new[] { "validate", "/no/such/file.json" },
        new[] { "validate", "x.json", "--format", "yaml" },
        new[] { "validate", "x.json", "--bogus" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task Invoke_UsageError_ReturnsTwo(string[] args)
    {
        Write("x.json", """{"resourceType":"Patient"}""");
        var resolved = args.Select(a => a == "x.json" ? Path.Combine(_folder, a) : a).ToArray();

        var (exit, _, error) = await RunAsync(resolved);

        exit.Should().Be(ValidateCommand.UsageError);
        error.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Invoke_UnknownProfile_ReturnsTwo()
    {
        var file = Write("patient.json", """{"resourceType":"Patient"}""");

        var (exit, _, error) = await RunAsync("validate", file, "--profile", "https://example.org/StructureDefinition/nothing");

        exit.Should().Be(ValidateCommand.UsageError);
        error.Should().Contain("cannot be resolved");
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand { ValidateCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        return (exit, output.ToString(), error.ToString());
    }
}
