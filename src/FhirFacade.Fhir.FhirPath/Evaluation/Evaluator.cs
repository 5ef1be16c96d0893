namespace FhirFacade.Fhir.FhirPath.Evaluation;

/// <summary>A compiled sub-expression: evaluates against the scope's current <c>$this</c>.</summary>
internal delegate IReadOnlyList<FhirPathItem> Evaluator(EvaluationScope scope);
