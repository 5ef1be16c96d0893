namespace FhirFacade.Cli.TestScripts.Definitions;

/// <summary>
/// <c>TestScript.variable</c>: a value substituted for <c>${Name}</c>, evaluated when used (never at
/// declaration) from a fixture's body (<see cref="Expression"/> or <see cref="Path"/>) or headers
/// (<see cref="HeaderField"/>), else <see cref="DefaultValue"/>.
/// </summary>
internal sealed record ScriptVariable(
    string Name,
    string? DefaultValue,
    string? Expression,
    string? HeaderField,
    string? Path,
    string? SourceId,
    string? Hint);
