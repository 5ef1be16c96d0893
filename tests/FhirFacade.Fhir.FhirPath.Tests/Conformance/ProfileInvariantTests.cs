using System.Text;
using FhirFacade.Fhir.Model;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Fhir.FhirPath.Tests.Conformance;

/// <summary>
/// The engine against the invariants it exists to run: every constraint expression in R4 core and UK
/// Core STU2 compiles, and the core invariants hold on every element of every UK Core example.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class ProfileInvariantTests
{
    private static readonly FhirPathEngine Engine = new();

    public static TheoryData<string> InvariantExpressions()
    {
        var data = new TheoryData<string>();
        foreach (var expression in ProfileInvariants.Expressions)
        {
            data.Add(expression);
        }

        return data;
    }

    public static TheoryData<string> UkCoreExamples()
    {
        var data = new TheoryData<string>();
        foreach (var file in TestFhir.UkCoreExampleFileNames())
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(InvariantExpressions))]
    public void Compile_ProfileInvariant_Succeeds(string expression)
    {
        var act = () => Engine.Compile(expression);

        act.Should().NotThrow();
    }

    [Theory]
    [MemberData(nameof(UkCoreExamples))]
    public void Evaluate_CoreInvariantsOnUkCoreExample_AllHold(string fileName)
    {
        var resource = TestFhir.ParseJson(TestFhir.ReadUkCoreExample(fileName), Serialization.Json.FhirJsonParserOptions.LenientDefault);
        var context = new FhirPathContext { Model = TestFhir.Model };
        var failures = new StringBuilder();

        Check(resource, resource.InstanceType, resource.InstanceType, context, failures);

        failures.ToString().Should().BeEmpty();
    }

    private static void Check(ElementNode node, string typeName, string path, FhirPathContext context, StringBuilder failures)
    {
        var constraints = new List<(string Key, string Expression)>();
        if (ProfileInvariants.CoreByType.TryGetValue(typeName, out var byPath) && byPath.TryGetValue(path, out var onPath))
        {
            constraints.AddRange(onPath);
        }

        if (path != node.InstanceType && ProfileInvariants.CoreByType.TryGetValue(node.InstanceType, out var ofType) && ofType.TryGetValue(node.InstanceType, out var onType))
        {
            constraints.AddRange(onType.Where(c => !constraints.Contains(c)));
        }

        foreach (var (key, expression) in constraints)
        {
            try
            {
                if (Engine.Compile(expression).EvaluateBoolean(node, context) == false)
                {
                    failures.Append(key).Append(" failed at ").AppendLine(node.Location);
                }
            }
            catch (FhirPathEvaluationException e)
            {
                failures.Append(key).Append(" threw at ").Append(node.Location).Append(": ").AppendLine(e.Message);
            }
        }

        foreach (var child in node.Children)
        {
            if (child.IsResource)
            {
                Check(child, child.InstanceType, child.InstanceType, context, failures);
            }
            else if (node.IsPrimitive)
            {
                continue;
            }
            else if (byPath is not null && byPath.ContainsKey(path + "." + child.Name))
            {
                Check(child, typeName, path + "." + child.Name, context, failures);
            }
            else
            {
                Check(child, child.InstanceType, child.InstanceType, context, failures);
            }
        }
    }
}
