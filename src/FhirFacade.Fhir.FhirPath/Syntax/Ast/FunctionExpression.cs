namespace FhirFacade.Fhir.FhirPath.Syntax.Ast;

/// <summary>A function invocation, on <see cref="Target"/> or on <c>$this</c>.</summary>
internal sealed record FunctionExpression(FhirPathExpression? Target, string Name, IReadOnlyList<FhirPathExpression> Arguments, int Position)
    : FhirPathExpression(Position);
