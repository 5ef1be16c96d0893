using System.Globalization;
using FhirFacade.Fhir.FhirPath.Syntax.Ast;
using FhirFacade.Fhir.FhirPath.Values;

namespace FhirFacade.Fhir.FhirPath.Syntax;

/// <summary>
/// Recursive-descent parser for FHIRPath N1 with the specification's operator precedence
/// (<see href="http://hl7.org/fhirpath/N1/#operator-precedence"/>), lowest first: <c>implies</c>;
/// <c>or xor</c>; <c>and</c>; <c>in contains</c>; <c>= ~ != !~</c>; <c>&lt; &gt; &lt;= &gt;=</c>; <c>|</c>;
/// <c>is as</c>; <c>+ - &amp;</c>; <c>* / div mod</c>; unary <c>+ -</c>; invocation and indexer.
/// </summary>
internal sealed class Parser
{
    private static readonly string[][] BinaryLevels =
    [
        ["implies"],
        ["or", "xor"],
        ["and"],
        ["in", "contains"],
        ["=", "~", "!=", "!~"],
        ["<", ">", "<=", ">="],
        ["|"],
        [],
        ["+", "-", "&"],
        ["*", "/", "div", "mod"],
    ];

    private const int TypeLevel = 7;

    private static readonly HashSet<string> CalendarUnits = new(StringComparer.Ordinal)
    {
        "year", "years", "month", "months", "week", "weeks", "day", "days",
        "hour", "hours", "minute", "minutes", "second", "seconds", "millisecond", "milliseconds",
    };

    private readonly List<Token> _tokens;
    private int _pos;

    private Parser(List<Token> tokens)
    {
        _tokens = tokens;
    }

    public static FhirPathExpression Parse(string text)
    {
        var parser = new Parser(Lexer.Tokenize(text));
        var expression = parser.ParseLevel(0);
        if (parser.Current.Kind != TokenKind.End)
        {
            throw new FhirPathSyntaxException($"Unexpected '{parser.Current.Text}'", parser.Current.Position);
        }

        return expression;
    }

    private Token Current => _tokens[_pos];

    private Token Next => _tokens[Math.Min(_pos + 1, _tokens.Count - 1)];

    private FhirPathExpression ParseLevel(int level)
    {
        if (level == BinaryLevels.Length)
        {
            return ParseUnary();
        }

        var left = ParseLevel(level + 1);
        while (true)
        {
            var token = Current;
            if (level == TypeLevel)
            {
                if (token.IsKeyword("is") || token.IsKeyword("as"))
                {
                    _pos++;
                    left = new TypeExpression(token.Text, left, ParseTypeSpecifier(), token.Position);
                    continue;
                }

                return left;
            }

            var op = MatchOperator(token, BinaryLevels[level]);
            if (op is null)
            {
                return left;
            }

            _pos++;
            var right = ParseLevel(level + 1);
            left = new BinaryExpression(op, left, right, token.Position);
        }
    }

    private static string? MatchOperator(Token token, string[] operators)
    {
        if (token.Kind is not (TokenKind.Symbol or TokenKind.Identifier))
        {
            return null;
        }

        foreach (var op in operators)
        {
            if (token.Text == op)
            {
                return op;
            }
        }

        return null;
    }

    private string ParseTypeSpecifier()
    {
        var name = ExpectIdentifier();
        while (Current.IsSymbol(".") && Next.Kind is TokenKind.Identifier or TokenKind.DelimitedIdentifier)
        {
            _pos++;
            name = name + "." + ExpectIdentifier();
        }

        return name;
    }

    private string ExpectIdentifier()
    {
        var token = Current;
        if (token.Kind is not (TokenKind.Identifier or TokenKind.DelimitedIdentifier))
        {
            throw new FhirPathSyntaxException($"Expected an identifier but found '{token.Text}'", token.Position);
        }

        _pos++;
        return token.Text;
    }

    private FhirPathExpression ParseUnary()
    {
        var token = Current;
        if (token.IsSymbol("-") || token.IsSymbol("+"))
        {
            _pos++;
            var operand = ParseUnary();
            if (token.Text == "+")
            {
                return operand;
            }

            return operand switch
            {
                ConstantExpression { Value: long l } => new ConstantExpression(-l, token.Position),
                ConstantExpression { Value: decimal d } => new ConstantExpression(-d, token.Position),
                ConstantExpression { Value: FhirPathQuantity q } => new ConstantExpression(q with { Value = -q.Value }, token.Position),
                _ => new UnaryExpression("-", operand, token.Position),
            };
        }

        return ParsePostfix(ParseTerm());
    }

    private FhirPathExpression ParsePostfix(FhirPathExpression expression)
    {
        while (true)
        {
            var token = Current;
            if (token.IsSymbol("."))
            {
                _pos++;
                var nameToken = Current;
                var name = ExpectIdentifier();
                expression = Current.IsSymbol("(")
                    ? new FunctionExpression(expression, name, ParseArguments(), nameToken.Position)
                    : new MemberExpression(expression, name, nameToken.Position);
            }
            else if (token.IsSymbol("["))
            {
                _pos++;
                var index = ParseLevel(0);
                Expect("]");
                expression = new IndexerExpression(expression, index, token.Position);
            }
            else
            {
                return expression;
            }
        }
    }

    private List<FhirPathExpression> ParseArguments()
    {
        Expect("(");
        var arguments = new List<FhirPathExpression>();
        if (Current.IsSymbol(")"))
        {
            _pos++;
            return arguments;
        }

        while (true)
        {
            arguments.Add(ParseLevel(0));
            if (Current.IsSymbol(","))
            {
                _pos++;
                continue;
            }

            Expect(")");
            return arguments;
        }
    }

    private void Expect(string symbol)
    {
        if (!Current.IsSymbol(symbol))
        {
            throw new FhirPathSyntaxException(
                Current.Kind == TokenKind.End ? $"Expected '{symbol}' but the expression ended" : $"Expected '{symbol}' but found '{Current.Text}'",
                Current.Position);
        }

        _pos++;
    }

    private FhirPathExpression ParseTerm()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.End:
                throw new FhirPathSyntaxException("Unexpected end of expression", token.Position);
            case TokenKind.String:
                _pos++;
                return new ConstantExpression(token.Text, token.Position);
            case TokenKind.Integer:
            case TokenKind.Decimal:
                _pos++;
                return ParseNumber(token);
            case TokenKind.Date:
                _pos++;
                return new ConstantExpression(
                    FhirPathTemporal.ParseDate(token.Text) ?? throw new FhirPathSyntaxException($"Invalid date '@{token.Text}'", token.Position),
                    token.Position);
            case TokenKind.DateTime:
                _pos++;
                return new ConstantExpression(
                    FhirPathTemporal.ParseDateTime(token.Text) ?? throw new FhirPathSyntaxException($"Invalid date-time '@{token.Text}'", token.Position),
                    token.Position);
            case TokenKind.Time:
                _pos++;
                return new ConstantExpression(
                    FhirPathTemporal.ParseTime(token.Text) ?? throw new FhirPathSyntaxException($"Invalid time '@T{token.Text}'", token.Position),
                    token.Position);
            case TokenKind.ExternalConstant:
                _pos++;
                return new VariableExpression(token.Text, false, token.Position);
            case TokenKind.SpecialVariable:
                _pos++;
                if (token.Text is not ("this" or "index" or "total"))
                {
                    throw new FhirPathSyntaxException($"Unknown variable '${token.Text}'", token.Position);
                }

                return new VariableExpression(token.Text, true, token.Position);
            case TokenKind.Identifier:
            case TokenKind.DelimitedIdentifier:
                _pos++;
                if (token.Kind == TokenKind.Identifier && token.Text is "true" or "false")
                {
                    return new ConstantExpression(token.Text == "true", token.Position);
                }

                return Current.IsSymbol("(")
                    ? new FunctionExpression(null, token.Text, ParseArguments(), token.Position)
                    : new MemberExpression(null, token.Text, token.Position);
        }

        if (token.IsSymbol("("))
        {
            _pos++;
            var inner = ParseLevel(0);
            Expect(")");
            return inner;
        }

        if (token.IsSymbol("{"))
        {
            _pos++;
            Expect("}");
            return new ConstantExpression(null, token.Position);
        }

        throw new FhirPathSyntaxException($"Unexpected '{token.Text}'", token.Position);
    }

    private ConstantExpression ParseNumber(Token token)
    {
        object value;
        if (token.Kind == TokenKind.Integer)
        {
            if (!long.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var l))
            {
                throw new FhirPathSyntaxException($"Integer '{token.Text}' is too large", token.Position);
            }

            value = l;
        }
        else
        {
            value = decimal.Parse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        }

        var unitToken = Current;
        if (unitToken.Kind == TokenKind.String)
        {
            _pos++;
            return new ConstantExpression(new FhirPathQuantity(Convert.ToDecimal(value, CultureInfo.InvariantCulture), unitToken.Text), token.Position);
        }

        if (unitToken.Kind == TokenKind.Identifier && CalendarUnits.Contains(unitToken.Text))
        {
            _pos++;
            return new ConstantExpression(
                new FhirPathQuantity(Convert.ToDecimal(value, CultureInfo.InvariantCulture), Ucum.NormalizeCalendarKeyword(unitToken.Text)),
                token.Position);
        }

        return new ConstantExpression(value, token.Position);
    }
}
