using FhirFacade.Cli.TestScripts.Definitions;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Cli.TestScripts.Execution;

/// <summary>
/// Runs one <see cref="ScriptDefinition"/> against a server: static fixtures, then setup, each test and
/// teardown, as Touchstone does for a read-only system. A setup that fails skips every test; an
/// operation that fails skips the asserts after it in its test; teardown always runs. Elements the
/// runner does not support are reported where they are: an operation as <c>error</c>, an assert as
/// <c>skip</c>, a script-level element as an <c>error</c> in setup (so the tests are skipped).
/// </summary>
internal sealed class TestScriptEngine(OperationRunner operations, TestScriptServices services, IReadOnlyDictionary<string, string> variables, TimeProvider timeProvider)
{
    /// <summary>Called after each test (and after setup and teardown) with its result, for progress lines.</summary>
    public Action<ScriptDefinition, TestResult>? Progress { get; init; }

    public async Task<ScriptResult> RunAsync(ScriptDefinition script, CancellationToken cancellationToken)
    {
        var issued = timeProvider.GetUtcNow();
        var state = new ScriptState(script, variables, services);
        var setup = new List<ActionResult>();
        foreach (var problem in script.Unsupported)
        {
            setup.Add(new ActionResult(true, ActionOutcome.Error, "unsupported element", $"unsupported: {problem}"));
        }

        LoadFixtures(script, state, setup);
        var setupOk = setup.Count == 0;
        setup.AddRange(await RunActionsAsync(script.Setup, state, skipReason: setupOk ? null : "skipped: the script could not be prepared", cancellationToken));
        setupOk = TestResult.Worst(setup) is not (ActionOutcome.Fail or ActionOutcome.Error);
        if (setup.Count > 0)
        {
            Progress?.Invoke(script, new TestResult("setup", "setup", null, setup));
        }

        var tests = new List<TestResult>();
        foreach (var test in script.Tests)
        {
            var actions = await RunActionsAsync(test.Actions, state, setupOk ? null : "skipped: setup failed", cancellationToken);
            var result = new TestResult(test.Key, test.Name, test.Description, actions);
            tests.Add(result);
            Progress?.Invoke(script, result);
        }

        var teardown = await RunActionsAsync(script.Teardown, state, skipReason: null, cancellationToken);
        if (teardown.Count > 0)
        {
            Progress?.Invoke(script, new TestResult("teardown", "teardown", null, teardown));
        }

        return new ScriptResult(script, operations.BaseUrl, issued, setup, tests, teardown);
    }

    private async Task<List<ActionResult>> RunActionsAsync(IReadOnlyList<ScriptAction> actions, ScriptState state, string? skipReason, CancellationToken cancellationToken)
    {
        var results = new List<ActionResult>(actions.Count);
        string? skipAsserts = null;
        foreach (var action in actions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var isOperation = action.Operation is not null;
            var title = action.Operation?.Label ?? action.Operation?.Description ?? action.Assert?.Title ?? "action";
            if (skipReason is not null)
            {
                results.Add(new ActionResult(isOperation, ActionOutcome.Skip, title, skipReason));
                continue;
            }

            if (action.Unsupported.Count > 0)
            {
                var message = "unsupported: " + string.Join("; ", action.Unsupported);
                results.Add(new ActionResult(isOperation, isOperation ? ActionOutcome.Error : ActionOutcome.Skip, title, message));
                if (isOperation)
                {
                    skipAsserts = "skipped: the operation before it was not run";
                }

                continue;
            }

            if (action.Operation is { } operation)
            {
                var result = await operations.RunAsync(operation, state, cancellationToken);
                results.Add(result);
                skipAsserts = result.Outcome == ActionOutcome.Error ? "skipped: the operation before it did not complete" : null;
                continue;
            }

            results.Add(skipAsserts is not null
                ? new ActionResult(false, ActionOutcome.Skip, title, skipAsserts)
                : AssertEvaluator.Evaluate(action.Assert!, state));
        }

        return results;
    }

    private void LoadFixtures(ScriptDefinition script, ScriptState state, List<ActionResult> setup)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(script.SourceFile)) ?? ".";
        foreach (var fixture in script.Fixtures)
        {
            if (fixture.Reference is null)
            {
                setup.Add(new ActionResult(true, ActionOutcome.Error, $"fixture {fixture.Id}", $"fixture {fixture.Id} has no resource.reference"));
                continue;
            }

            var (resource, error) = ReadFixture(folder, fixture.Reference);
            if (resource is null)
            {
                setup.Add(new ActionResult(true, ActionOutcome.Error, $"fixture {fixture.Id}", $"fixture {fixture.Id}: {error}"));
                continue;
            }

            state.SetFixture(fixture.Id, Fixture.Static(resource));
        }
    }

    private (ElementNode? Resource, string? Error) ReadFixture(string folder, string reference)
    {
        var candidates = new[] { reference, reference + ".json", reference + ".xml" }
            .Select(c => Path.GetFullPath(Path.Combine(folder, c)))
            .Where(File.Exists)
            .ToList();
        if (candidates.Count == 0)
        {
            return (null, $"'{reference}' is not a file beside the script (tried {reference}, .json, .xml)");
        }

        var text = File.ReadAllText(candidates[0]);
        var resource = services.ParseBody(text, Path.GetExtension(candidates[0]).Equals(".xml", StringComparison.OrdinalIgnoreCase) ? "xml" : "json");
        return resource is null ? (null, $"'{candidates[0]}' is not a FHIR resource") : (resource, null);
    }
}
