using System.CommandLine;

namespace FhirFacade.Cli.TestScripts;

/// <summary>
/// <c>fhirfacade testscript run PATH... --base URL [--header "Name: value"]... [--variable NAME=VALUE]...
/// [--report-dir DIR] [--junit FILE] [--expected-failures FILE] [--fail-on-skip] [--timeout SECONDS]
/// [--packages DIR]...</c>: runs FHIR R4 TestScripts against a server. Exit code 0 when every test
/// passed (warnings, skips and listed expected failures allowed), 1 when any failed, 2 for usage errors.
/// </summary>
public static class TestScriptCommand
{
    /// <summary>Exit code when every test passed.</summary>
    public const int Success = 0;

    /// <summary>Exit code when an assert failed, an action could not be processed, or an expected failure passed.</summary>
    public const int Failed = 1;

    /// <summary>Exit code for usage errors (no script, bad base URL, unreadable script, malformed option).</summary>
    public const int UsageError = 2;

    /// <summary>Creates the <c>testscript</c> command with its <c>run</c> subcommand.</summary>
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "TestScript files (.json, .xml) or folders holding them", Arity = ArgumentArity.ZeroOrMore };
        var baseUrl = new Option<string?>("--base") { Description = "The FHIR base URL of the server under test, e.g. http://127.0.0.1:5080/fhir" };
        var headers = new Option<string[]>("--header") { Description = "An extra header for every request, 'Name: value' (e.g. 'Authorization: Bearer …'); repeatable", AllowMultipleArgumentsPerToken = false };
        var variables = new Option<string[]>("--variable") { Description = "Set a TestScript variable, NAME=VALUE (wins over its defaultValue and source); repeatable", AllowMultipleArgumentsPerToken = false };
        var reportDirectory = new Option<string?>("--report-dir") { Description = "Write a FHIR TestReport (JSON) per script into this folder" };
        var junit = new Option<string?>("--junit") { Description = "Write JUnit XML to this file" };
        var expectedFailures = new Option<string?>("--expected-failures") { Description = "A file of '{script id}/{test}: reason' lines: tests known to fail, which then do not fail the run (and must fail)" };
        var failOnSkip = new Option<bool>("--fail-on-skip") { Description = "Count a skipped test (unsupported element) as a failure" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for each response", DefaultValueFactory = _ => 30 };
        var packages = new Option<string[]>("--packages") { Description = "A folder holding FHIR packages (<id>#<version>/package); repeatable", AllowMultipleArgumentsPerToken = false };

        var run = new Command("run", "Run FHIR R4 TestScripts against a server and report (TestReport, JUnit, console)")
        {
            paths, baseUrl, headers, variables, reportDirectory, junit, expectedFailures, failOnSkip, timeout, packages,
        };
        run.SetAction((parseResult, cancellationToken) =>
        {
            var options = new TestScriptRunOptions
            {
                Paths = parseResult.GetValue(paths) ?? [],
                BaseUrl = parseResult.GetValue(baseUrl),
                Headers = parseResult.GetValue(headers) ?? [],
                Variables = parseResult.GetValue(variables) ?? [],
                ReportDirectory = parseResult.GetValue(reportDirectory),
                JUnitFile = parseResult.GetValue(junit),
                ExpectedFailuresFile = parseResult.GetValue(expectedFailures),
                FailOnSkip = parseResult.GetValue(failOnSkip),
                TimeoutSeconds = parseResult.GetValue(timeout),
                PackageFolders = parseResult.GetValue(packages) ?? [],
            };
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            return new TestScriptRunner(output, error).RunAsync(options, cancellationToken);
        });

        return new Command("testscript", "FHIR TestScript tools") { run };
    }
}
