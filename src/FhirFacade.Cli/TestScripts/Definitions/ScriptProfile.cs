namespace FhirFacade.Cli.TestScripts.Definitions;

/// <summary><c>TestScript.profile</c>: a profile canonical under an id that <c>assert.validateProfileId</c> names.</summary>
internal sealed record ScriptProfile(string Id, string Canonical);
