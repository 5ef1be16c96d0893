namespace FhirFacade.Fhir.FhirPath.Syntax.Ast;

/// <summary>A node of the parsed expression tree.</summary>
internal abstract record FhirPathExpression(int Position);
