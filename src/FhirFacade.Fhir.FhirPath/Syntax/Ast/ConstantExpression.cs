namespace FhirFacade.Fhir.FhirPath.Syntax.Ast;

/// <summary>A literal; <see cref="Value"/> is <see langword="null"/> for the empty collection <c>{}</c>.</summary>
internal sealed record ConstantExpression(object? Value, int Position) : FhirPathExpression(Position);
