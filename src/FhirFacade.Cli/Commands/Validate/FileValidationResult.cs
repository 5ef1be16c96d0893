using FhirFacade.Fhir.Issues;

namespace FhirFacade.Cli.Commands.Validate;

/// <summary>The issues of one file: reading problems and validation issues together.</summary>
internal sealed record FileValidationResult(string Path, IReadOnlyList<Issue> Issues);
