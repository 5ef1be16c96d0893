namespace FhirFacade.Cli.TestScripts.Execution;

/// <summary>The result of one action: operation or assert, its outcome, and a message a tester can act on.</summary>
internal sealed record ActionResult(bool IsOperation, ActionOutcome Outcome, string Title, string Message)
{
    /// <summary>For an operation: the request as sent (<c>GET url</c>); the TestReport's <c>detail</c>.</summary>
    public string? Detail { get; init; }
}
