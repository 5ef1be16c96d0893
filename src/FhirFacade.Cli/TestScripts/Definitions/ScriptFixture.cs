namespace FhirFacade.Cli.TestScripts.Definitions;

/// <summary><c>TestScript.fixture</c>: a resource the script refers to by id, read from a file beside the script.</summary>
internal sealed record ScriptFixture(string Id, string? Reference, bool AutoCreate, bool AutoDelete);
