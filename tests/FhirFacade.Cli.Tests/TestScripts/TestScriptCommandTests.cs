using System.CommandLine;
using FhirFacade.Cli.TestScripts;
using static FhirFacade.Cli.Tests.TestScripts.TestScriptHarness;

namespace FhirFacade.Cli.Tests.TestScripts;

/// <summary>The <c>testscript run</c> command line: every option reaches the runner.</summary>
[Trait("Category", "Unit")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The server and folder are disposed in IAsyncLifetime.DisposeAsync.")]
public sealed class TestScriptCommandTests : IAsyncLifetime
{
    private readonly ScriptedFhirServer _server = new();
    private readonly TestScriptHarness _harness = new();

    public Task InitializeAsync()
    {
        _server.On("GET", "/Patient/p1", CannedResponse.Json(PatientJson));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _harness.Dispose();
    }

    [Fact]
    public async Task Run_WithEveryOption_ReadsThemAll()
    {
        var script = _harness.Write("script.json", OneTest(
            Read("Patient", "/${id}") + "," + Assert(""" "response":"okay" """) + "," + Assert(""" "path":"//x","value":"y" """),
            """ "variable":[{"name":"id","defaultValue":"wrong"}], """));
        var list = _harness.Write("expected.txt", "t/nothing: not run\n");

        var (exit, output, error) = await RunAsync(
            "testscript", "run", script, "--base", _server.BaseUrl, "--header", "Authorization: Bearer abc", "--variable", "id=p1",
            "--report-dir", _harness.ReportFolder, "--junit", _harness.JUnitFile, "--expected-failures", list, "--fail-on-skip", "--timeout", "5");

        exit.Should().Be(TestScriptCommand.Failed, output + error);
        output.Should().Contain("SKIP  only test").And.Contain("expected-failures entry 't/nothing' matches no test");
        _server.Requests.Should().ContainSingle().Which.Should().Match<RecordedRequest>(r => r.PathAndQuery == "/Patient/p1" && r.Headers["Authorization"] == "Bearer abc");
        File.Exists(Path.Combine(_harness.ReportFolder, "TestReport-t.json")).Should().BeTrue();
        File.Exists(_harness.JUnitFile).Should().BeTrue();
    }

    [Fact]
    public async Task Run_WithoutScripts_IsAUsageError()
    {
        var (exit, _, error) = await RunAsync("testscript", "run", "--base", _server.BaseUrl);

        exit.Should().Be(TestScriptCommand.UsageError);
        error.Should().Contain("at least one TestScript");
    }

    [Fact]
    public async Task Run_WithAFileThatIsNotATestScript_IsAUsageErrorNamingIt()
    {
        var patient = _harness.Write("patient.json", PatientJson);

        var (exit, _, error) = await RunAsync("testscript", "run", patient, "--base", _server.BaseUrl);

        exit.Should().Be(TestScriptCommand.UsageError);
        error.Should().Contain("patient.json").And.Contain("is not a TestScript");
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand { TestScriptCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        return (exit, output.ToString(), error.ToString());
    }
}
