namespace FhirFacade.Fhir.FhirPath.Syntax.Ast;

/// <summary>Navigation to children named <see cref="Name"/> (or a type name filter), on <see cref="Target"/> or on <c>$this</c>.</summary>
internal sealed record MemberExpression(FhirPathExpression? Target, string Name, int Position) : FhirPathExpression(Position);
