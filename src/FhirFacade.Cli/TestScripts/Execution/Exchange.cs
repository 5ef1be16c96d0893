namespace FhirFacade.Cli.TestScripts.Execution;

/// <summary>One operation's request and the response it got (none when the request could not be sent).</summary>
internal sealed record Exchange(Fixture Request, Fixture? Response);
