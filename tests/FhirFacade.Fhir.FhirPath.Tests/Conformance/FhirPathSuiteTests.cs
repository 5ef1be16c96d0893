using System.Globalization;
using FhirFacade.Fhir.FhirPath.Values;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.FhirPath.Tests.Conformance;

/// <summary>
/// The official FHIRPath R4 test suite (<c>fhir-test-cases/r4/fhirpath/tests-fhir-r4.xml</c>), one row
/// per test case, run over the JSON forms of its input files. Cases in <see cref="Skips"/> are not run;
/// each carries the reason.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class FhirPathSuiteTests
{
    /// <summary>Test key (group/name) → why it is skipped.</summary>
    internal static readonly IReadOnlyDictionary<string, string> Skips = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["testObservations/testPolymorphismAsB"] =
            "Strict mode: '(Observation.value as Period).unit' is only an error under static type checking; evaluated dynamically it is empty, as the specification allows.",
        ["testInheritance/testFHIRPathAsFunction21"] =
            "N1 makes as() on several items an error, but R4 core invariant dom-3 applies as() to descendants(); the engine follows R4 and filters.",
        ["testDollar/testDollarOrderNotAllowed"] =
            "Strict mode with checkOrderedFunctions: flagging order-dependent functions (skip) after the unordered children() needs static analysis this engine does not do.",
    };

    private static readonly FhirPathEngine Engine = new();

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var key in FhirPathSuite.All.Keys)
        {
            if (!Skips.ContainsKey(key))
            {
                data.Add(key);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_SuiteCase_MatchesExpectedOutput(string key)
    {
        var testCase = FhirPathSuite.All[key];
        var context = SuiteInputs.CreateContext();

        IReadOnlyList<FhirPathItem> Run()
        {
            var compiled = Engine.Compile(testCase.Expression);
            return testCase.InputFile is null
                ? compiled.Evaluate([], context)
                : compiled.Evaluate(SuiteInputs.Load(testCase.InputFile), context);
        }

        if (testCase.Invalid is not null)
        {
            var act = () => Run();
            act.Should().Throw<Exception>().Where(e => e is FhirPathSyntaxException || e is FhirPathEvaluationException);
            return;
        }

        var result = Run();
        var actual = testCase.Predicate
            ? [result.Count > 0 ? "true" : "false"]
            : result.Select(Render).ToList();

        actual.Should().HaveCount(testCase.Outputs.Count, "expression {0} gave [{1}]", testCase.Expression, string.Join(", ", actual));
        for (var i = 0; i < actual.Count; i++)
        {
            var (type, expected) = testCase.Outputs[i];
            Same(type, expected, actual[i]).Should().BeTrue("output {0} of {1} should be {2} but was {3}", i, testCase.Expression, expected, actual[i]);
        }
    }

    [Fact]
    public void Skips_EveryEntry_NamesASuiteCase()
    {
        var unknown = Skips.Keys.Where(key => !FhirPathSuite.All.ContainsKey(key));

        unknown.Should().BeEmpty();
    }

    private static bool Same(string? type, string expected, string actual)
    {
        if (expected == actual)
        {
            return true;
        }

        if (type is null or "decimal" or "integer"
            && decimal.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var e)
            && decimal.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var a))
        {
            return e == a;
        }

        return false;
    }

    internal static string Render(FhirPathItem item) => item.Value switch
    {
        null => item.Node is { } node ? $"<{node.InstanceType}>" : string.Empty,
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        FhirPathTemporal { Kind: FhirPathTemporalKind.Time } t => "@T" + t,
        FhirPathTemporal { Kind: FhirPathTemporalKind.DateTime, Precision: < FhirPathPrecision.Hour } t when item.Node is null => "@" + t + (t.Precision == FhirPathPrecision.Day && t.Offset is null ? string.Empty : "T"),
        FhirPathTemporal t => "@" + t,
        FhirPathQuantity q => q.ToString(),
        var other => other.ToString() ?? string.Empty,
    };
}
