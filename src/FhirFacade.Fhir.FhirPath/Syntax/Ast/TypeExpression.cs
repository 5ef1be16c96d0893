namespace FhirFacade.Fhir.FhirPath.Syntax.Ast;

/// <summary>The <c>is</c> and <c>as</c> operators with their type specifier (<c>FHIR.Patient</c>, <c>String</c>).</summary>
internal sealed record TypeExpression(string Operator, FhirPathExpression Operand, string TypeName, int Position) : FhirPathExpression(Position);
