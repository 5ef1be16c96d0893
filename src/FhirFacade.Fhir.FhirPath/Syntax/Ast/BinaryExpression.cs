namespace FhirFacade.Fhir.FhirPath.Syntax.Ast;

/// <summary>A binary operator (<c>+</c>, <c>and</c>, <c>|</c>…); <see cref="Operator"/> is its text.</summary>
internal sealed record BinaryExpression(string Operator, FhirPathExpression Left, FhirPathExpression Right, int Position) : FhirPathExpression(Position);
