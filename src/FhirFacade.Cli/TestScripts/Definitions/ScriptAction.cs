namespace FhirFacade.Cli.TestScripts.Definitions;

/// <summary>One <c>action</c> of setup, a test or teardown: an operation or an assert.</summary>
/// <param name="Operation">The operation, when the action is one.</param>
/// <param name="Assert">The assert, when the action is one.</param>
/// <param name="Unsupported">Elements of this action the runner cannot honour, by location; the action is then reported as error (operation) or skip (assert).</param>
internal sealed record ScriptAction(ScriptOperation? Operation, ScriptAssert? Assert, IReadOnlyList<string> Unsupported);
