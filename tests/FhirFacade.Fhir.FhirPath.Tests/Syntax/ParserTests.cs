using FhirFacade.Fhir.FhirPath.Syntax;
using FhirFacade.Fhir.FhirPath.Syntax.Ast;

namespace FhirFacade.Fhir.FhirPath.Tests.Syntax;

[Trait("Category", "Unit")]
public sealed class ParserTests
{
    public static TheoryData<string, int> SyntaxErrors => new()
    {
        { "2 + 2 /", 7 },
        { "2 + /* open", 4 },
        { "name.", 5 },
        { "'unterminated", 0 },
        { "@T14:34:28Z", 10 },
        { "(1 + 2", 6 },
        { "name.foo()", 5 },
    };

    [Theory]
    [MemberData(nameof(SyntaxErrors))]
    public void Parse_Malformed_ThrowsWithPosition(string expression, int position)
    {
        var act = () => new FhirPathEngine().Compile(expression);

        act.Should().Throw<FhirPathSyntaxException>().Which.Position.Should().Be(position);
    }

    [Fact]
    public void Parse_IsBindsTighterThanComparison()
    {
        var tree = Parser.Parse("1 > 2 is Boolean");

        tree.Should().BeOfType<BinaryExpression>().Which.Right.Should().BeOfType<TypeExpression>();
    }

    [Fact]
    public void Parse_AndBindsTighterThanOr()
    {
        var tree = Parser.Parse("a or b and c");

        var or = tree.Should().BeOfType<BinaryExpression>().Subject;
        or.Operator.Should().Be("or");
        or.Right.Should().BeOfType<BinaryExpression>().Which.Operator.Should().Be("and");
    }

    [Fact]
    public void Parse_UnaryMinusAppliesAfterInvocation()
    {
        var tree = Parser.Parse("-1.convertsToInteger()");

        tree.Should().BeOfType<UnaryExpression>().Which.Operand.Should().BeOfType<FunctionExpression>();
    }

    [Fact]
    public void Parse_DelimitedIdentifierAndQuantity()
    {
        var tree = Parser.Parse("`given`.where($this = 4 days)");

        var where = tree.Should().BeOfType<FunctionExpression>().Subject;
        where.Target.Should().BeOfType<MemberExpression>().Which.Name.Should().Be("given");
    }

    [Fact]
    public void Parse_CommentsAreIgnored()
    {
        var tree = Parser.Parse("2 + /* inline */ 2 // trailing");

        tree.Should().BeOfType<BinaryExpression>().Which.Operator.Should().Be("+");
    }
}
