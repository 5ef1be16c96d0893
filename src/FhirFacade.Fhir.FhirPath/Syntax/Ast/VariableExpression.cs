namespace FhirFacade.Fhir.FhirPath.Syntax.Ast;

/// <summary>An environment variable (<c>%resource</c>, <c>%`vs-x`</c>) or a special variable (<c>$this</c>, <c>$index</c>, <c>$total</c>).</summary>
internal sealed record VariableExpression(string Name, bool IsSpecial, int Position) : FhirPathExpression(Position);
