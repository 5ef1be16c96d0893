namespace FhirFacade.Cli.TestScripts.Execution;

/// <summary>The results of one test's actions, and the test's own verdict.</summary>
internal sealed record TestResult(string Key, string Name, string? Description, IReadOnlyList<ActionResult> Actions)
{
    /// <summary>The worst outcome of the actions: error, then fail, then skip (a test whose every action was skipped), then warning, then pass.</summary>
    public ActionOutcome Outcome => Worst(Actions);

    /// <summary>Set when the test was in the expected-failures list: the reason given there.</summary>
    public string? ExpectedFailureReason { get; init; }

    public static ActionOutcome Worst(IReadOnlyList<ActionResult> actions)
    {
        if (actions.Any(a => a.Outcome == ActionOutcome.Error))
        {
            return ActionOutcome.Error;
        }

        if (actions.Any(a => a.Outcome == ActionOutcome.Fail))
        {
            return ActionOutcome.Fail;
        }

        if (actions.Any(a => a.Outcome == ActionOutcome.Skip))
        {
            return ActionOutcome.Skip;
        }

        return actions.Any(a => a.Outcome == ActionOutcome.Warning) ? ActionOutcome.Warning : ActionOutcome.Pass;
    }
}
