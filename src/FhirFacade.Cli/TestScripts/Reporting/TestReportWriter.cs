using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FhirFacade.Cli.TestScripts.Execution;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Resources;
using FhirFacade.Fhir.Serialization.Json;

namespace FhirFacade.Cli.TestScripts.Reporting;

/// <summary>
/// Writes a script's results as a FHIR R4 <c>TestReport</c> (<see href="https://hl7.org/fhir/R4/testreport.html"/>):
/// status completed, result pass/fail, score (the percentage of asserts that passed), the engine and the
/// server as participants, and one action per operation and assert with its result and message. The
/// JSON goes through the kernel's reader and canonical writer, so it is in definition order.
/// </summary>
internal static partial class TestReportWriter
{
    public const string EngineUri = "urn:fhirfacade:testscript-runner";

    public static string ToJson(ScriptResult result, FhirKernel kernel)
    {
        var report = Build(result);
        var parsed = kernel.JsonParser.Parse(report.ToJsonString());
        return parsed.Root is null
            ? report.ToJsonString()
            : kernel.JsonSerializer.Serialize(parsed.Root, new FhirJsonSerializerOptions { Pretty = true });
    }

    /// <summary>A file name for the report of a script: <c>TestReport-{id}.json</c>.</summary>
    public static string FileName(ScriptResult result) => $"TestReport-{ResourceId(result.Script.Id)}.json";

    private static JsonObject Build(ScriptResult result)
    {
        var asserts = result.AllActions.Where(a => !a.IsOperation && a.Outcome != ActionOutcome.Skip).ToList();
        var passed = asserts.Count(a => a.Outcome is ActionOutcome.Pass or ActionOutcome.Warning);
        var report = new JsonObject
        {
            ["resourceType"] = "TestReport",
            ["id"] = ResourceId(result.Script.Id),
            ["name"] = result.Script.Name,
            ["status"] = "completed",
            ["testScript"] = new JsonObject
            {
                ["reference"] = result.Script.Url ?? $"TestScript/{ResourceId(result.Script.Id)}",
                ["display"] = result.Script.Name,
            },
            ["result"] = result.Passed ? "pass" : "fail",
            ["score"] = asserts.Count == 0 ? 100m : Math.Round(100m * passed / asserts.Count, 2),
            ["tester"] = "fhirfacade testscript run",
            ["issued"] = FhirDates.DateTime(result.Issued),
            ["participant"] = new JsonArray
            {
                new JsonObject { ["type"] = "test-engine", ["uri"] = EngineUri, ["display"] = "FhirFacade TestScript runner" },
                new JsonObject { ["type"] = "server", ["uri"] = result.BaseUrl },
            },
        };
        if (result.Setup.Count > 0)
        {
            report["setup"] = new JsonObject { ["action"] = Actions(result.Setup) };
        }

        if (result.Tests.Count > 0)
        {
            var tests = new JsonArray();
            foreach (var test in result.Tests)
            {
                var node = new JsonObject { ["name"] = test.Name };
                var description = test.ExpectedFailureReason is null ? test.Description : $"{test.Description} (expected failure: {test.ExpectedFailureReason})".TrimStart();
                if (description is not null)
                {
                    node["description"] = description;
                }

                node["action"] = test.Actions.Count > 0
                    ? Actions(test.Actions)
                    : new JsonArray { Action(new ActionResult(false, ActionOutcome.Skip, "empty test", "the test has no actions")) };
                tests.Add(node);
            }

            report["test"] = tests;
        }

        if (result.Teardown.Count > 0)
        {
            report["teardown"] = new JsonObject { ["action"] = Actions(result.Teardown) };
        }

        return report;
    }

    private static JsonArray Actions(IReadOnlyList<ActionResult> actions)
    {
        var array = new JsonArray();
        foreach (var action in actions)
        {
            array.Add(Action(action));
        }

        return array;
    }

    private static JsonObject Action(ActionResult action)
    {
        var body = new JsonObject
        {
            ["result"] = Code(action.Outcome),
            ["message"] = action.Message,
        };
        if (action.IsOperation && action.Detail is { } detail && detail.IndexOf(' ', StringComparison.Ordinal) is var space and > 0)
        {
            body["detail"] = detail[(space + 1)..];
        }
        else if (!action.IsOperation)
        {
            body["detail"] = action.Title;
        }

        return new JsonObject { [action.IsOperation ? "operation" : "assert"] = body };
    }

    public static string Code(ActionOutcome outcome) => outcome switch
    {
        ActionOutcome.Pass => "pass",
        ActionOutcome.Skip => "skip",
        ActionOutcome.Fail => "fail",
        ActionOutcome.Warning => "warning",
        _ => "error",
    };

    private static string ResourceId(string id)
    {
        var cleaned = InvalidIdCharacters().Replace(id, "-");
        return cleaned.Length == 0 ? "testscript" : cleaned[..Math.Min(cleaned.Length, 64)];
    }

    [GeneratedRegex(@"[^A-Za-z0-9\-\.]")]
    private static partial Regex InvalidIdCharacters();

    internal static string Percent(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
