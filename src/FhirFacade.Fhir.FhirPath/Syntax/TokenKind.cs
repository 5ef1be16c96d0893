namespace FhirFacade.Fhir.FhirPath.Syntax;

/// <summary>The lexical classes of FHIRPath.</summary>
internal enum TokenKind
{
    End,
    Identifier,
    DelimitedIdentifier,
    String,
    Integer,
    Decimal,
    Date,
    DateTime,
    Time,
    ExternalConstant,
    SpecialVariable,
    Symbol,
}
