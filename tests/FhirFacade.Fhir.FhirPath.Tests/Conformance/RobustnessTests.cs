using FhirFacade.Fhir.Model;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Fhir.FhirPath.Tests.Conformance;

/// <summary>
/// Every expression of the official suite, evaluated on real UK Core resources (root and complex
/// elements): whatever the data, the only exceptions are the ones the specification defines.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class RobustnessTests
{
    private static readonly FhirPathEngine Engine = new();

    private static readonly Lazy<IReadOnlyList<CompiledExpression>> SuiteExpressions = new(() =>
        FhirPathSuite.All.Values
            .Where(c => c.Invalid is not "syntax")
            .Select(c => c.Expression)
            .Distinct(StringComparer.Ordinal)
            .Select(TryCompile)
            .OfType<CompiledExpression>()
            .ToList());

    public static TheoryData<string> UkCoreExamples() => ProfileInvariantTests.UkCoreExamples();

    [Theory]
    [MemberData(nameof(UkCoreExamples))]
    public void Evaluate_SuiteExpressionsOnUkCoreExample_ThrowOnlySpecificationErrors(string fileName)
    {
        var resource = TestFhir.ParseJson(TestFhir.ReadUkCoreExample(fileName), Serialization.Json.FhirJsonParserOptions.LenientDefault);
        var context = new FhirPathContext { Model = TestFhir.Model };
        var nodes = new[] { resource }.Concat(resource.Descendants().Where(n => n.Children.Count > 0).Take(10));
        var unexpected = new List<string>();

        foreach (var node in nodes)
        {
            foreach (var expression in SuiteExpressions.Value)
            {
                Evaluate(expression, node, context, unexpected);
            }
        }

        unexpected.Should().BeEmpty();
    }

    private static void Evaluate(CompiledExpression expression, ElementNode node, FhirPathContext context, List<string> unexpected)
    {
        try
        {
            expression.Evaluate(node, context);
        }
        catch (FhirPathEvaluationException)
        {
            // Defined errors (wrong types, several items where one is needed) are allowed.
        }
        catch (Exception e)
        {
            unexpected.Add($"{expression.Expression} at {node.Location}: {e.GetType().Name} {e.Message}");
        }
    }

    private static CompiledExpression? TryCompile(string expression)
    {
        try
        {
            return Engine.Compile(expression);
        }
        catch (FhirPathSyntaxException)
        {
            return null;
        }
    }
}
