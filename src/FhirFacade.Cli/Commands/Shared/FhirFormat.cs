namespace FhirFacade.Cli.Commands.Shared;

/// <summary>The two FHIR formats the CLI reads and writes, chosen by file extension.</summary>
internal enum FhirFormat
{
    Unknown,
    Json,
    Xml,
}
