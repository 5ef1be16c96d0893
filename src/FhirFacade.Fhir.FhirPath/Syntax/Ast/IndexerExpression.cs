namespace FhirFacade.Fhir.FhirPath.Syntax.Ast;

/// <summary><c>target[index]</c>.</summary>
internal sealed record IndexerExpression(FhirPathExpression Target, FhirPathExpression Index, int Position) : FhirPathExpression(Position);
