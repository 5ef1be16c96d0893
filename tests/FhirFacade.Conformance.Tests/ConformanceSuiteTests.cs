using System.Xml.Linq;
using FhirFacade.Cli.TestScripts;

namespace FhirFacade.Conformance.Tests;

/// <summary>
/// The conformance suite (<c>conformance/</c>) run by <c>testscript run</c> against the real facade in a
/// process of its own: it passes apart from the listed expected failures, the FHIR specification's
/// examples run unchanged apart from their variables, and a deliberately broken server fails it where
/// it should — and only there.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class ConformanceSuiteTests(ConformanceServer server) : IClassFixture<ConformanceServer>, IDisposable
{
    private static readonly string Conformance = Path.Combine(ConformanceServer.Checkout, "conformance");
    private readonly string _output = Directory.CreateTempSubdirectory("conformance-run-").FullName;

    public static TheoryData<string, string, string[]> BrokenServers => new()
    {
        // corruption, script, the tests it must fail (beyond the listed expected failures)
        {
            nameof(CorruptingHandler.RefusalsAnsweredOk), "errors.json",
            ["invalid-nhs-number", "invalid-identifier-system", "no-fishing", "malformed-date", "dissent", "sensitive", "unknown-id", "unknown-type", "write", "search-read-only-type", "post-search-json", "unsupported-modifier", "no-token"]
        },
        {
            nameof(CorruptingHandler.SpineCodesDropped), "errors.json",
            ["invalid-nhs-number", "invalid-identifier-system", "no-fishing", "malformed-date", "dissent", "sensitive", "unknown-id", "search-read-only-type", "unsupported-modifier"]
        },
        { nameof(CorruptingHandler.TotalIsPageSize), "result-parameters.json", ["summary-count", "paging"] },
        { nameof(CorruptingHandler.TotalIsPageSize), "everything.json", ["everything-paging"] },
        { nameof(CorruptingHandler.ETagDropped), "patient.json", ["etag-emis", "etag-tpp", "etag-vision", "etag-microtest"] },
        { nameof(CorruptingHandler.ETagDropped), "rest.json", ["head-read", "version-id-vision", "conditional-read-304"] },
        { nameof(CorruptingHandler.ConditionalReadIgnored), "rest.json", ["conditional-read-304"] },
        { nameof(CorruptingHandler.FhirVersionIgnored), "rest.json", ["fhirversion-406"] },
        { nameof(CorruptingHandler.AcceptEncodingIgnored), "rest.json", ["compression-gzip", "compression-br"] },
        { nameof(CorruptingHandler.TotalIsPageSize), "rest.json", ["auditevent-total"] },
        { nameof(CorruptingHandler.XmlLabelledJson), "formats.json", ["accept-xml", "accept-application-xml", "format-parameter", "error-in-xml"] },
        { nameof(CorruptingHandler.ProfileClaimsDropped), "patient.json", ["search-emis", "search-tpp", "search-vision", "search-microtest"] },
    };

    [Fact]
    public async Task Suite_AgainstTheRealServer_PassesApartFromExpectedFailures()
    {
        var (exit, console) = await RunAsync([Path.Combine(Conformance, "suite")], ["narrowToken=" + server.NarrowToken]);

        exit.Should().Be(TestScriptCommand.Success, console);
        Failing().Should().BeEmpty(console);
        Directory.EnumerateFiles(_output, "TestReport-*.json").Select(Path.GetFileName).Should().BeEquivalentTo(
            "TestReport-capabilities.json", "TestReport-clinical.json", "TestReport-compartment.json", "TestReport-errors.json", "TestReport-everything.json", "TestReport-formats.json",
            "TestReport-patient.json", "TestReport-rest.json", "TestReport-result-parameters.json", "TestReport-smart-discovery.json");
        console.Should().NotContain("XFAIL", "the suite's expected failures are all fixed").And.Contain("0 failed, 0 errors, 0 skipped");
    }

    [Fact]
    public async Task SpecificationExamples_RunUnchangedApartFromTheirVariables()
    {
        var patientId = await server.PatientIdAsync("9990000018");

        var (exit, console) = await RunAsync(
            [Path.Combine(Conformance, "spec-examples")],
            ["KnownPatientResourceId=" + patientId, "PatientSearchFamilyName=Thornton", "PatientSearchGivenName=Alice", "PatientSearchBirthDate=1958-04-12"]);

        exit.Should().Be(TestScriptCommand.Success, console);
        console.Should().Contain("PASS  Sprinkler Read Test R001 (5/5 asserts)")
            .And.Contain("PASS  Sprinkler Read Test R002")
            .And.Contain("PASS  Sprinkler Read Test R003")
            .And.Contain("XFAIL Sprinkler Read Test R004")
            .And.Contain("XFAIL Patient Search Dynamic (5/6 asserts)");
    }

    [Theory]
    [MemberData(nameof(BrokenServers))]
    public async Task Suite_AgainstABrokenServer_FailsWhereItShould(string corruption, string script, string[] failing)
    {
        var handler = (CorruptingHandler)typeof(CorruptingHandler).GetMethod(corruption)!.Invoke(null, null)!;
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };

        var (exit, console) = await RunAsync([Path.Combine(Conformance, "suite", script)], ["narrowToken=" + server.NarrowToken], client);

        exit.Should().Be(TestScriptCommand.Failed, console);
        Failing().Should().BeEquivalentTo(failing, console);
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);

    private async Task<(int Exit, string Console)> RunAsync(string[] paths, string[]? variables = null, HttpClient? client = null)
    {
        var options = new TestScriptRunOptions
        {
            Paths = paths,
            BaseUrl = server.BaseUrl,
            Headers = ["Authorization: Bearer " + server.Token],
            Variables = variables ?? [],
            ExpectedFailuresFile = Path.Combine(Conformance, "expected-failures.txt"),
            FailOnSkip = true,
            ReportDirectory = _output,
            JUnitFile = Path.Combine(_output, "junit.xml"),
        };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await new TestScriptRunner(output, error, client).RunAsync(options, CancellationToken.None);
        return (exit, output + error.ToString());
    }

    /// <summary>The tests that failed or erred and are not listed as expected failures, by id (from the JUnit file).</summary>
    private List<string> Failing() =>
        XDocument.Load(Path.Combine(_output, "junit.xml")).Descendants("testcase")
            .Where(c => c.Element("failure") is not null || c.Element("error") is not null)
            .Select(c => c.Attribute("name")!.Value.Split(' ')[0])
            .ToList();
}
