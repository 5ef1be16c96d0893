namespace FhirFacade.Fhir.FhirPath.Syntax;

/// <summary>One lexical token: its class, its (unescaped) text and where it starts.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position)
{
    public bool IsSymbol(string symbol) => Kind == TokenKind.Symbol && Text == symbol;

    public bool IsKeyword(string keyword) => Kind == TokenKind.Identifier && Text == keyword;
}
