namespace FhirFacade.Fhir.FhirPath.Syntax.Ast;

/// <summary>Unary <c>+</c> or <c>-</c>.</summary>
internal sealed record UnaryExpression(string Operator, FhirPathExpression Operand, int Position) : FhirPathExpression(Position);
