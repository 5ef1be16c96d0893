using System.Xml.Linq;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Validation;
using static FhirFacade.Cli.Tests.TestScripts.TestScriptHarness;

namespace FhirFacade.Cli.Tests.TestScripts;

/// <summary>A whole <c>testscript run</c>: phases, outputs (TestReport, JUnit, console), exit codes, unsupported elements, expected failures.</summary>
[Trait("Category", "Unit")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The server and folder are disposed in IAsyncLifetime.DisposeAsync.")]
public sealed class TestScriptRunTests : IAsyncLifetime
{
    private readonly ScriptedFhirServer _server = new();
    private readonly TestScriptHarness _harness = new();

    public Task InitializeAsync()
    {
        _server.On("GET", "/Patient/p1", CannedResponse.Json(PatientJson));
        _server.On("GET", "/metadata", CannedResponse.Json("""{"resourceType":"CapabilityStatement","status":"active","date":"2024-01-01","kind":"instance","fhirVersion":"4.0.1","format":["json"]}"""));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _harness.Dispose();
    }

    private const string PassingScript = """
        {"resourceType":"TestScript","id":"phases","url":"http://example.org/TestScript/phases","name":"Phases","status":"draft",
         "setup":{"action":[{"operation":{"type":{"code":"capabilities"},"encodeRequestUrl":true}},{"assert":{"resource":"CapabilityStatement","warningOnly":false}}]},
         "test":[{"id":"one","name":"first read","action":[{"operation":{"type":{"code":"read"},"resource":"Patient","params":"/p1","encodeRequestUrl":true}},{"assert":{"response":"okay","warningOnly":false}}]},
                 {"id":"two","name":"second read","action":[{"operation":{"type":{"code":"read"},"resource":"Patient","params":"/p1?second","encodeRequestUrl":true}},{"assert":{"resource":"Patient","warningOnly":false}}]}],
         "teardown":{"action":[{"operation":{"method":"get","url":"/metadata?teardown","encodeRequestUrl":true}}]}}
        """;

    [Fact]
    public async Task Run_SetupTestsTeardown_RunInOrderAndPass()
    {
        _harness.Write("script.json", PassingScript);

        var run = await _harness.RunAsync(_server.BaseUrl);

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        _server.Requests.Select(r => r.PathAndQuery).Should().Equal("/metadata", "/Patient/p1", "/Patient/p1?second", "/metadata?teardown");
        using var report = run.Report("phases");
        report.RootElement.GetProperty("result").GetString().Should().Be("pass");
        report.RootElement.GetProperty("score").GetDecimal().Should().Be(100m);
        report.RootElement.GetProperty("setup").GetProperty("action").GetArrayLength().Should().Be(2);
        report.RootElement.GetProperty("teardown").GetProperty("action")[0].GetProperty("operation").GetProperty("result").GetString().Should().Be("pass");
    }

    [Fact]
    public async Task Run_PrintsAProgressLinePerTestAndASummary()
    {
        _harness.Write("script.json", PassingScript);

        var run = await _harness.RunAsync(_server.BaseUrl);

        var lines = run.Output.Split('\n', StringSplitOptions.TrimEntries);
        lines.Should().Contain("PASS  setup (1/1 asserts)")
            .And.Contain("PASS  first read (1/1 asserts)")
            .And.Contain("PASS  second read (1/1 asserts)")
            .And.Contain("PASS  teardown (0/0 asserts)")
            .And.Contain("1 scripts, 4 tests: 4 passed, 0 failed, 0 errors, 0 skipped, 0 expected failures, 0 unexpected passes");
    }

    [Fact]
    public async Task Run_FailingSetup_SkipsEveryTest_ButRunsTeardown()
    {
        _harness.Write("script.json", PassingScript.Replace("\"resource\":\"CapabilityStatement\"", "\"resource\":\"Bundle\"", StringComparison.Ordinal));

        var run = await _harness.RunAsync(_server.BaseUrl);

        run.ExitCode.Should().Be(1);
        _server.Requests.Select(r => r.PathAndQuery).Should().Equal("/metadata", "/metadata?teardown");
        run.TestActions("phases", 0).Should().Equal("operation:skip", "assert:skip");
        run.TestActions("phases", 1).Should().Equal("operation:skip", "assert:skip");
        run.Output.Should().Contain("FAIL  setup").And.Contain("SKIP  first read");
    }

    [Fact]
    public async Task Run_ScriptThatMustFail_ExitsOneWithFailingReportAndJUnitFailure()
    {
        _harness.Write("script.json", OneTest(Read("Patient", "/p1") + "," + Assert(""" "response":"notFound" """) + "," + Assert(""" "resource":"Patient" """)));

        var run = await _harness.RunAsync(_server.BaseUrl);

        run.ExitCode.Should().Be(1);
        using (var report = run.Report())
        {
            report.RootElement.GetProperty("result").GetString().Should().Be("fail");
            report.RootElement.GetProperty("score").GetDecimal().Should().Be(50m);
        }

        run.Message(1).Should().Contain("HTTP 200").And.Contain("notFound");
        var junit = XDocument.Load(_harness.JUnitFile);
        var testCase = junit.Descendants("testcase").Should().ContainSingle().Subject;
        testCase.Element("failure")!.Attribute("message")!.Value.Should().Contain("notFound");
        junit.Root!.Element("testsuite")!.Attribute("failures")!.Value.Should().Be("1");
        run.Output.Should().Contain("FAIL  only test (1/2 asserts)");
    }

    [Fact]
    public async Task Run_WarningOnlyFailure_StillExitsZero()
    {
        _harness.Write("script.json", OneTest(Read("Patient", "/p1") + "," + Assert(""" "headerField":"Last-Modified","operator":"notEmpty","warningOnly":true """)));

        var run = await _harness.RunAsync(_server.BaseUrl);

        run.ExitCode.Should().Be(0);
        run.TestActions().Should().Equal("operation:pass", "assert:warning");
        run.Output.Should().Contain("WARN  only test");
    }

    [Fact]
    public async Task Run_UnsupportedElements_AreReportedByName_NeverPassed()
    {
        _harness.Write("script.json", OneTest(
            Read("Patient", "/p1")
            + "," + """{"assert":{"warningOnly":false,"extension":[{"url":"http://example.org/assert-jwt","valueString":"x"}]}}"""
            + "," + Op(""" "type":{"code":"read"},"resource":"Patient","params":"/p1","origin":1 """)
            + "," + Assert(""" "response":"okay" """)));

        var run = await _harness.RunAsync(_server.BaseUrl);

        run.TestActions().Should().Equal("operation:pass", "assert:skip", "operation:error", "assert:skip");
        run.Message(1).Should().Contain("unsupported").And.Contain("http://example.org/assert-jwt");
        run.Message(2).Should().Contain("unsupported").And.Contain("origin");
        run.ExitCode.Should().Be(1);
        _server.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Run_UnsupportedAssertAlone_IsASkip_ThatFailsTheRunOnlyWithFailOnSkip()
    {
        _harness.Write("script.json", OneTest(Read("Patient", "/p1") + "," + Assert(""" "path":"//fhir:name[1]","value":"x" """)));

        var lenient = await _harness.RunAsync(_server.BaseUrl);
        var strict = await _harness.RunAsync(_server.BaseUrl, configure: o => o with { FailOnSkip = true });

        lenient.TestActions().Should().Equal("operation:pass", "assert:skip");
        lenient.Message(1).Should().Contain("assert.path '//fhir:name[1]'");
        lenient.ExitCode.Should().Be(0);
        lenient.Output.Should().Contain("SKIP  only test");
        strict.ExitCode.Should().Be(1);
    }

    [Fact]
    public async Task Run_AutocreateFixtureAndUnknownElement_AreSetupErrorsNamingThem()
    {
        _harness.Write("p.json", PatientJson);
        _harness.Write("script.json", OneTest(
            Read("Patient", "/p1"),
            """ "fixture":[{"id":"made","autocreate":true,"autodelete":false,"resource":{"reference":"p.json"}}], "scope":[{"artifact":"x"}], """));

        var run = await _harness.RunAsync(_server.BaseUrl);

        run.ExitCode.Should().Be(1);
        run.Output.Should().Contain("TestScript.fixture[0].autocreate").And.Contain("scope");
        run.TestActions().Should().Equal("operation:skip");
        _server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Run_ExpectedFailure_ThatFails_DoesNotFailTheRun()
    {
        _harness.Write("script.json", OneTest(Read("Patient", "/p1") + "," + Assert(""" "response":"notFound" """)));
        var list = _harness.Write("expected.txt", "# known\nt/only: the server answers 200 here\n");

        var run = await _harness.RunAsync(_server.BaseUrl, configure: o => o with { ExpectedFailuresFile = list });

        run.ExitCode.Should().Be(0, run.Output);
        run.Output.Should().Contain("XFAIL only test").And.Contain("the server answers 200 here");
        XDocument.Load(_harness.JUnitFile).Descendants("skipped").Should().ContainSingle();
        using var report = run.Report();
        report.RootElement.GetProperty("result").GetString().Should().Be("fail");
    }

    [Fact]
    public async Task Run_ExpectedFailure_ThatPasses_FailsTheRun()
    {
        _harness.Write("script.json", OneTest(Read("Patient", "/p1") + "," + Assert(""" "response":"okay" """)));
        var list = _harness.Write("expected.txt", "t/only: no longer true\n");

        var run = await _harness.RunAsync(_server.BaseUrl, configure: o => o with { ExpectedFailuresFile = list });

        run.ExitCode.Should().Be(1);
        run.Output.Should().Contain("XPASS only test");
    }

    [Fact]
    public async Task Run_XmlScriptInAFolderWithFixtures_RunsTheScriptOnly()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_harness.Folder, "suite")).FullName;
        File.WriteAllText(Path.Combine(folder, "fixture-patient.json"), PatientJson);
        File.WriteAllText(Path.Combine(folder, "read.xml"), """
            <TestScript xmlns="http://hl7.org/fhir">
              <id value="xml-read"/><url value="http://example.org/TestScript/xml-read"/><name value="XmlRead"/><status value="draft"/>
              <fixture id="expected"><autocreate value="false"/><autodelete value="false"/><resource><reference value="fixture-patient.json"/></resource></fixture>
              <test id="r"><name value="read"/>
                <action><operation><type><system value="http://terminology.hl7.org/CodeSystem/testscript-operation-codes"/><code value="read"/></type>
                  <resource value="Patient"/><accept value="json"/><encodeRequestUrl value="true"/><params value="/p1"/></operation></action>
                <action><assert><response value="okay"/><warningOnly value="false"/></assert></action>
                <action><assert><minimumId value="expected"/><warningOnly value="false"/></assert></action>
              </test>
            </TestScript>
            """);

        var run = await _harness.RunAsync(_server.BaseUrl, paths: [folder]);

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        run.TestActions("xml-read").Should().Equal("operation:pass", "assert:pass", "assert:pass");
    }

    [Fact]
    public async Task Run_TestReport_IsValidAgainstR4Core()
    {
        _harness.Write("script.json", PassingScript);
        await _harness.RunAsync(_server.BaseUrl);
        _harness.Write("fail.json", OneTest(Read("Patient", "/p1") + "," + Assert(""" "response":"notFound" """) + "," + Assert(""" "path":"//x","value":"y" """)));
        await _harness.RunAsync(_server.BaseUrl, paths: [Path.Combine(_harness.Folder, "fail.json")]);
        var kernel = FhirKernel.Default;
        var validator = FhirValidation.CreateValidator(kernel.Packages, kernel.Model);

        foreach (var id in new[] { "phases", "t" })
        {
            var parsed = kernel.JsonParser.Parse(File.ReadAllText(Path.Combine(_harness.ReportFolder, $"TestReport-{id}.json")));
            parsed.Issues.Should().BeEmpty();
            var result = validator.Validate(parsed.Root!, "http://hl7.org/fhir/StructureDefinition/TestReport");
            result.Errors.Should().BeEmpty(id);
        }
    }

    [Theory]
    [InlineData("--base missing", null, "--base")]
    [InlineData("relative base", "fhir", "--base")]
    public async Task Run_BadBaseUrl_IsAUsageError(string name, string? baseUrl, string expected)
    {
        _harness.Write("script.json", PassingScript);

        var run = await _harness.RunAsync(baseUrl!, configure: o => o with { BaseUrl = baseUrl });

        run.ExitCode.Should().Be(2, name);
        run.Error.Should().Contain(expected);
    }

    [Fact]
    public async Task Run_MalformedHeaderOption_IsAUsageError_WithoutEchoingTheToken()
    {
        _harness.Write("script.json", PassingScript);

        var run = await _harness.RunAsync(_server.BaseUrl, configure: o => o with { Headers = ["Bearer eyJhbGciOiJSUzI1NiJ9.very-secret-part"] });

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--header").And.NotContain("very-secret-part");
    }
}
