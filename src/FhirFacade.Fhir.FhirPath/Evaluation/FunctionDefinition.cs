namespace FhirFacade.Fhir.FhirPath.Evaluation;

/// <summary>A registered function: arity and body; <see cref="TakesType"/> when the argument is a type specifier.</summary>
internal sealed record FunctionDefinition(string Name, int MinArguments, int MaxArguments, FunctionBody Body, bool TakesType = false);
