using FhirFacade.Cli.TestScripts.Execution;
using FhirFacade.Cli.TestScripts.Reporting;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Packages;

namespace FhirFacade.Cli.TestScripts;

/// <summary>
/// Runs <c>fhirfacade testscript run</c>: reads the scripts, runs each against the base URL, prints a
/// progress line per test and a summary, writes a TestReport per script and the JUnit file, and returns
/// the exit code (<see cref="TestScriptCommand"/>). Public so that a suite can run scripts from code, through an
/// <see cref="HttpClient"/> of its own (the conformance tests put a fault-injecting handler in it).
/// </summary>
/// <param name="output">Where the progress lines and the summary go.</param>
/// <param name="error">Where usage errors go.</param>
/// <param name="http">The client for every request; the runner makes its own (with the options' timeout) when null.</param>
/// <param name="timeProvider">The clock of the reports; the system clock when null.</param>
public sealed class TestScriptRunner(TextWriter output, TextWriter error, HttpClient? http = null, TimeProvider? timeProvider = null)
{
    /// <summary>Runs the scripts <paramref name="options"/> name; the exit code (<see cref="TestScriptCommand.Success"/>, <see cref="TestScriptCommand.Failed"/> or <see cref="TestScriptCommand.UsageError"/>).</summary>
    public async Task<int> RunAsync(TestScriptRunOptions options, CancellationToken cancellationToken)
    {
        if (options.Paths.Count == 0)
        {
            return await UsageAsync("give at least one TestScript file or folder");
        }

        if (options.BaseUrl is null || !Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            return await UsageAsync("--base must be the server's FHIR base URL (http or https)");
        }

        var (headers, headerError) = options.ParseHeaders();
        var (variables, variableError) = options.ParseVariables();
        if (headerError is not null || variableError is not null)
        {
            return await UsageAsync(headerError ?? variableError!);
        }

        var expected = ExpectedFailures.None;
        if (options.ExpectedFailuresFile is { } listFile)
        {
            if (!File.Exists(listFile))
            {
                return await UsageAsync($"--expected-failures {listFile}: no such file");
            }

            var (list, listError) = ExpectedFailures.Parse(await File.ReadAllLinesAsync(listFile, cancellationToken));
            if (list is null)
            {
                return await UsageAsync($"--expected-failures {listFile}: {listError}");
            }

            expected = list;
        }

        TestScriptServices services;
        try
        {
            services = new TestScriptServices(options.PackageFolders.Count == 0 ? FhirKernel.Default : FhirKernel.Create(FhirPackageSet.OpenProject(options.PackageFolders)));
        }
        catch (FhirPackageException exception)
        {
            return await UsageAsync($"cannot load the FHIR packages: {exception.Message}");
        }

        var (scripts, loadErrors) = TestScriptLoader.Load(options.Paths, services);
        if (loadErrors.Count > 0 || scripts.Count == 0)
        {
            return await UsageAsync(loadErrors.Count > 0 ? string.Join(Environment.NewLine, loadErrors) : "no TestScript found in the given paths");
        }

        using var ownClient = http is null ? CreateClient(options.TimeoutSeconds) : null;
        var client = http ?? ownClient!;
        var console = new ConsoleReporter(output);
        var cases = new List<(TestResult, CaseVerdict)>();
        var engine = new TestScriptEngine(new OperationRunner(client, options.BaseUrl, headers!), services, variables!, timeProvider ?? TimeProvider.System)
        {
            Progress = (script, test) =>
            {
                var annotated = test with { ExpectedFailureReason = expected.ReasonFor(script.Id, test.Key, test.Name) };
                var verdict = CaseVerdicts.Of(annotated);
                cases.Add((annotated, verdict));
                console.TestFinished(annotated, verdict);
            },
        };

        var results = new List<ScriptResult>();
        foreach (var script in scripts)
        {
            console.ScriptStarted(script);
            var result = await engine.RunAsync(script, cancellationToken);
            results.Add(result with
            {
                Tests = [.. result.Tests.Select(t => t with { ExpectedFailureReason = expected.ReasonFor(script.Id, t.Key, t.Name) })],
                SetupExpectedFailureReason = expected.ReasonFor(script.Id, "setup", "setup"),
            });
        }

        console.Summary(results, cases, expected.Unused);
        await WriteReportsAsync(results, options, services.Kernel, cancellationToken);
        return cases.Any(c => CaseVerdicts.FailsRun(c.Item2, options.FailOnSkip)) ? TestScriptCommand.Failed : TestScriptCommand.Success;
    }

    private static HttpClient CreateClient(int timeoutSeconds) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = System.Net.DecompressionMethods.None })
        {
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
        };

    private async Task WriteReportsAsync(List<ScriptResult> results, TestScriptRunOptions options, FhirKernel kernel, CancellationToken cancellationToken)
    {
        if (options.ReportDirectory is { } folder)
        {
            Directory.CreateDirectory(folder);
            foreach (var result in results)
            {
                var path = Path.Combine(folder, TestReportWriter.FileName(result));
                await File.WriteAllTextAsync(path, TestReportWriter.ToJson(result, kernel), cancellationToken);
            }

            await output.WriteLineAsync($"TestReports written to {folder}");
        }

        if (options.JUnitFile is { } junit)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(junit));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            await using var stream = File.Create(junit);
            JUnitReportWriter.Write(results, stream);
            await output.WriteLineAsync($"JUnit XML written to {junit}");
        }
    }

    private async Task<int> UsageAsync(string message)
    {
        await error.WriteLineAsync($"testscript run: {message}");
        return TestScriptCommand.UsageError;
    }
}
