using System.Globalization;
using System.Text;

namespace FhirFacade.Fhir.FhirPath.Syntax;

/// <summary>Splits a FHIRPath expression into tokens (<see href="http://hl7.org/fhirpath/N1/#lexical-elements"/>).</summary>
internal static class Lexer
{
    private static readonly string[] TwoCharSymbols = ["!=", "!~", "<=", ">="];

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var pos = 0;
        while (true)
        {
            SkipWhitespaceAndComments(text, ref pos);
            if (pos >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, string.Empty, pos));
                return tokens;
            }

            tokens.Add(ReadToken(text, ref pos));
        }
    }

    private static Token ReadToken(string text, ref int pos)
    {
        var start = pos;
        var c = text[pos];
        if (char.IsAsciiLetter(c) || c == '_')
        {
            return new Token(TokenKind.Identifier, ReadName(text, ref pos), start);
        }

        if (char.IsAsciiDigit(c))
        {
            return ReadNumber(text, ref pos);
        }

        switch (c)
        {
            case '`':
                return new Token(TokenKind.DelimitedIdentifier, ReadQuoted(text, ref pos, '`'), start);
            case '\'':
                return new Token(TokenKind.String, ReadQuoted(text, ref pos, '\''), start);
            case '@':
                return ReadTemporal(text, ref pos);
            case '$':
                pos++;
                if (pos >= text.Length || !(char.IsAsciiLetter(text[pos]) || text[pos] == '_'))
                {
                    throw new FhirPathSyntaxException("Expected a variable name after '$'", start);
                }

                return new Token(TokenKind.SpecialVariable, ReadName(text, ref pos), start);
            case '%':
                pos++;
                if (pos < text.Length && text[pos] == '`')
                {
                    return new Token(TokenKind.ExternalConstant, ReadQuoted(text, ref pos, '`'), start);
                }

                if (pos < text.Length && text[pos] == '\'')
                {
                    return new Token(TokenKind.ExternalConstant, ReadQuoted(text, ref pos, '\''), start);
                }

                if (pos < text.Length && text[pos] == '"')
                {
                    return new Token(TokenKind.ExternalConstant, ReadQuoted(text, ref pos, '"'), start);
                }

                if (pos >= text.Length || !(char.IsAsciiLetter(text[pos]) || text[pos] == '_'))
                {
                    throw new FhirPathSyntaxException("Expected a constant name after '%'", start);
                }

                return new Token(TokenKind.ExternalConstant, ReadName(text, ref pos), start);
        }

        foreach (var symbol in TwoCharSymbols)
        {
            if (string.CompareOrdinal(text, pos, symbol, 0, 2) == 0)
            {
                pos += 2;
                return new Token(TokenKind.Symbol, symbol, start);
            }
        }

        if ("()[]{}.,+-*/&|=~<>".Contains(c, StringComparison.Ordinal))
        {
            pos++;
            return new Token(TokenKind.Symbol, c.ToString(), start);
        }

        throw new FhirPathSyntaxException($"Unexpected character '{c}'", start);
    }

    private static string ReadName(string text, ref int pos)
    {
        var start = pos;
        while (pos < text.Length && (char.IsAsciiLetterOrDigit(text[pos]) || text[pos] == '_'))
        {
            pos++;
        }

        return text[start..pos];
    }

    private static Token ReadNumber(string text, ref int pos)
    {
        var start = pos;
        while (pos < text.Length && char.IsAsciiDigit(text[pos]))
        {
            pos++;
        }

        if (pos + 1 < text.Length && text[pos] == '.' && char.IsAsciiDigit(text[pos + 1]))
        {
            pos++;
            while (pos < text.Length && char.IsAsciiDigit(text[pos]))
            {
                pos++;
            }

            return new Token(TokenKind.Decimal, text[start..pos], start);
        }

        return new Token(TokenKind.Integer, text[start..pos], start);
    }

    private static Token ReadTemporal(string text, ref int pos)
    {
        var start = pos;
        pos++;
        if (pos < text.Length && text[pos] == 'T')
        {
            pos++;
            var timeStart = pos;
            ReadTimePart(text, ref pos);
            if (pos < text.Length && (text[pos] == 'Z' || (text[pos] is '+' or '-' && LooksLikeOffset(text, pos + 1))))
            {
                throw new FhirPathSyntaxException("A time literal cannot have a timezone", pos);
            }

            return new Token(TokenKind.Time, text[timeStart..pos], start);
        }

        var bodyStart = pos;
        while (pos < text.Length && (char.IsAsciiDigit(text[pos]) || (text[pos] == '-' && pos + 1 < text.Length && char.IsAsciiDigit(text[pos + 1]) && pos - bodyStart is 4 or 7)))
        {
            pos++;
        }

        if (pos == bodyStart)
        {
            throw new FhirPathSyntaxException("Expected a date after '@'", start);
        }

        var kind = TokenKind.Date;
        if (pos < text.Length && text[pos] == 'T')
        {
            kind = TokenKind.DateTime;
            pos++;
            ReadTimePart(text, ref pos);
            if (pos < text.Length && text[pos] == 'Z')
            {
                pos++;
            }
            else if (pos < text.Length && text[pos] is '+' or '-' && LooksLikeOffset(text, pos + 1))
            {
                pos += 6;
            }
        }

        return new Token(kind, text[bodyStart..pos], start);
    }

    private static bool LooksLikeOffset(string text, int pos) =>
        pos + 4 < text.Length && char.IsAsciiDigit(text[pos]) && char.IsAsciiDigit(text[pos + 1]) && text[pos + 2] == ':'
        && char.IsAsciiDigit(text[pos + 3]) && char.IsAsciiDigit(text[pos + 4]);

    private static void ReadTimePart(string text, ref int pos)
    {
        while (pos < text.Length)
        {
            var c = text[pos];
            if (char.IsAsciiDigit(c) || (c == ':' && pos + 1 < text.Length && char.IsAsciiDigit(text[pos + 1])))
            {
                pos++;
            }
            else if (c == '.' && pos + 1 < text.Length && char.IsAsciiDigit(text[pos + 1]))
            {
                pos++;
            }
            else
            {
                return;
            }
        }
    }

    private static string ReadQuoted(string text, ref int pos, char quote)
    {
        var start = pos;
        pos++;
        var builder = new StringBuilder();
        while (pos < text.Length)
        {
            var c = text[pos];
            if (c == quote)
            {
                pos++;
                return builder.ToString();
            }

            if (c == '\\')
            {
                pos++;
                if (pos >= text.Length)
                {
                    break;
                }

                var e = text[pos];
                switch (e)
                {
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'u':
                        if (pos + 4 >= text.Length || !int.TryParse(text.AsSpan(pos + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                        {
                            throw new FhirPathSyntaxException("Invalid unicode escape", pos);
                        }

                        builder.Append((char)code);
                        pos += 4;
                        break;
                    default: builder.Append(e); break;
                }

                pos++;
                continue;
            }

            builder.Append(c);
            pos++;
        }

        throw new FhirPathSyntaxException("Unterminated quoted text", start);
    }

    private static void SkipWhitespaceAndComments(string text, ref int pos)
    {
        while (pos < text.Length)
        {
            var c = text[pos];
            if (char.IsWhiteSpace(c))
            {
                pos++;
            }
            else if (c == '/' && pos + 1 < text.Length && text[pos + 1] == '/')
            {
                while (pos < text.Length && text[pos] != '\n')
                {
                    pos++;
                }
            }
            else if (c == '/' && pos + 1 < text.Length && text[pos + 1] == '*')
            {
                var end = text.IndexOf("*/", pos + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new FhirPathSyntaxException("Unterminated comment", pos);
                }

                pos = end + 2;
            }
            else
            {
                return;
            }
        }
    }
}
