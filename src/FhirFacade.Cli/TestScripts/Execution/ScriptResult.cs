using FhirFacade.Cli.TestScripts.Definitions;

namespace FhirFacade.Cli.TestScripts.Execution;

/// <summary>The results of running one script: setup, each test, teardown.</summary>
internal sealed record ScriptResult(
    ScriptDefinition Script,
    string BaseUrl,
    DateTimeOffset Issued,
    IReadOnlyList<ActionResult> Setup,
    IReadOnlyList<TestResult> Tests,
    IReadOnlyList<ActionResult> Teardown)
{
    /// <summary><see langword="true"/> when no action failed or erred (warnings and skips do not fail a script).</summary>
    public bool Passed => AllActions.All(a => a.Outcome is not (ActionOutcome.Fail or ActionOutcome.Error));

    /// <summary>Set when the script's setup is in the expected-failures list (<c>{script}/setup</c>): the reason given there.</summary>
    public string? SetupExpectedFailureReason { get; init; }

    public IEnumerable<ActionResult> AllActions => Setup.Concat(Tests.SelectMany(t => t.Actions)).Concat(Teardown);
}
