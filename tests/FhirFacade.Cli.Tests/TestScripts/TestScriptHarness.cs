using System.Text.Json;
using FhirFacade.Cli.TestScripts;

namespace FhirFacade.Cli.Tests.TestScripts;

/// <summary>Writes TestScripts (and fixture files) to a temporary folder and runs <c>testscript run</c> on them in-process.</summary>
internal sealed class TestScriptHarness : IDisposable
{
    public const string PatientJson = """
        {"resourceType":"Patient","id":"p1","meta":{"versionId":"3"},"identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9990000018"}],"name":[{"family":"Thornton","given":["Alice"]}],"gender":"female","birthDate":"1960-01-01"}
        """;

    public const string BundleJson = """
        {"resourceType":"Bundle","type":"searchset","total":2,"link":[{"relation":"self","url":"http://x/fhir/Patient"},{"relation":"first","url":"http://x/fhir/Patient?p=1"},{"relation":"next","url":"http://x/fhir/Patient?p=2"},{"relation":"last","url":"http://x/fhir/Patient?p=9"}],"entry":[{"fullUrl":"http://x/fhir/Patient/p1","resource":{"resourceType":"Patient","id":"p1"},"search":{"mode":"match"}},{"fullUrl":"http://x/fhir/Patient/p2","resource":{"resourceType":"Patient","id":"p2"},"search":{"mode":"match"}}]}
        """;

    public TestScriptHarness()
    {
        Folder = Directory.CreateTempSubdirectory("testscript-").FullName;
    }

    public string Folder { get; }

    public string ReportFolder => Path.Combine(Folder, "reports");

    public string JUnitFile => Path.Combine(Folder, "reports", "junit.xml");

    /// <summary>A script with one test whose actions are <paramref name="actions"/> (JSON array items); <paramref name="top"/> adds top-level elements.</summary>
    public static string OneTest(string actions, string top = "") => $$"""
        {"resourceType":"TestScript","id":"t","url":"http://example.org/TestScript/t","name":"T","status":"draft",{{top}}
         "test":[{"id":"only","name":"only test","action":[{{actions}}]}]}
        """;

    public static string Op(string body) =>
        "{\"operation\":{" + (body.Contains("encodeRequestUrl", StringComparison.Ordinal) ? string.Empty : "\"encodeRequestUrl\":true,") + body + "}}";

    public static string Assert(string body) =>
        "{\"assert\":{" + (body.Contains("warningOnly", StringComparison.Ordinal) ? string.Empty : "\"warningOnly\":false,") + body + "}}";

    public static string Read(string resource, string parameters, string extra = "") =>
        Op($$"""{{extra}}"type":{"system":"http://terminology.hl7.org/CodeSystem/testscript-operation-codes","code":"read"},"resource":"{{resource}}","params":"{{parameters}}" """);

    public string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public async Task<HarnessRun> RunAsync(string baseUrl, IReadOnlyList<string>? paths = null, Func<TestScriptRunOptions, TestScriptRunOptions>? configure = null)
    {
        var options = new TestScriptRunOptions
        {
            Paths = paths ?? [Path.Combine(Folder, "script.json")],
            BaseUrl = baseUrl,
            ReportDirectory = ReportFolder,
            JUnitFile = JUnitFile,
            TimeoutSeconds = 10,
        };
        options = configure?.Invoke(options) ?? options;
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await new TestScriptRunner(output, error).RunAsync(options, CancellationToken.None);
        return new HarnessRun(exit, output.ToString(), error.ToString(), this);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

/// <summary>The outcome of one harness run.</summary>
internal sealed record HarnessRun(int ExitCode, string Output, string Error, TestScriptHarness Harness)
{
    public JsonDocument Report(string id = "t") =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Harness.ReportFolder, $"TestReport-{id}.json")));

    /// <summary>The results of the first test's actions, as <c>operation:pass</c> / <c>assert:fail</c>.</summary>
    public List<string> TestActions(string id = "t", int test = 0)
    {
        using var report = Report(id);
        return report.RootElement.GetProperty("test")[test].GetProperty("action").EnumerateArray()
            .Select(a => a.EnumerateObject().First())
            .Select(p => $"{p.Name}:{p.Value.GetProperty("result").GetString()}")
            .ToList();
    }

    /// <summary>The message of one action of the first test.</summary>
    public string Message(int action, string id = "t", int test = 0)
    {
        using var report = Report(id);
        return report.RootElement.GetProperty("test")[test].GetProperty("action")[action].EnumerateObject().First().Value.GetProperty("message").GetString()!;
    }
}
