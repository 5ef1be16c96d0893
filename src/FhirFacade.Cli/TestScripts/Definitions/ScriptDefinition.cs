namespace FhirFacade.Cli.TestScripts.Definitions;

/// <summary>
/// A FHIR R4 <c>TestScript</c> as the runner executes it (<see href="https://hl7.org/fhir/R4/testscript.html"/>):
/// what it declares (fixtures, profiles, variables) and its setup, tests and teardown. Elements the
/// runner cannot honour are kept in <see cref="Unsupported"/> (script level) or on each action, so that
/// they are reported, never passed over.
/// </summary>
internal sealed record ScriptDefinition
{
    /// <summary>The file the script was read from.</summary>
    public required string SourceFile { get; init; }

    /// <summary><c>TestScript.id</c>, or the file name without extension when the script has none.</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? Url { get; init; }

    public IReadOnlyList<ScriptFixture> Fixtures { get; init; } = [];

    public IReadOnlyList<ScriptProfile> Profiles { get; init; } = [];

    public IReadOnlyList<ScriptVariable> Variables { get; init; } = [];

    public IReadOnlyList<ScriptAction> Setup { get; init; } = [];

    public IReadOnlyList<ScriptTest> Tests { get; init; } = [];

    public IReadOnlyList<ScriptAction> Teardown { get; init; } = [];

    /// <summary>Script-level elements the runner does not support, by location (e.g. <c>TestScript.fixture[0].autocreate</c>).</summary>
    public IReadOnlyList<string> Unsupported { get; init; } = [];
}
