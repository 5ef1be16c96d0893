namespace FhirFacade.Fhir.FhirPath.Evaluation;

/// <summary>A function implementation: the input collection, its compiled (unevaluated) arguments and the scope.</summary>
internal delegate IReadOnlyList<FhirPathItem> FunctionBody(IReadOnlyList<FhirPathItem> input, Evaluator[] arguments, EvaluationScope scope);
