namespace FhirFacade.Cli.TestScripts.Definitions;

/// <summary><c>TestScript.test</c>: a named sequence of operations and asserts.</summary>
internal sealed record ScriptTest(string? Id, string Name, string? Description, IReadOnlyList<ScriptAction> Actions)
{
    /// <summary>The key used in the expected-failures list and in JUnit: the test's <c>id</c>, else its name.</summary>
    public string Key => Id ?? Name;
}
