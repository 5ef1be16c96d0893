using FhirFacade.Fhir.FhirPath.Values;

namespace FhirFacade.Fhir.FhirPath.Tests;

[Trait("Category", "Unit")]
public sealed class FhirPathEngineTests
{
    public static TheoryData<string, string> Literals => new()
    {
        { "1 + 1", "2" },
        { "1 + 2 * 3", "7" },
        { "(1 + 2) * 3", "9" },
        { "7 div 2", "3" },
        { "7 mod 2", "1" },
        { "7 / 2", "3.5" },
        { "-3 + 1", "-2" },
        { "'abc'.substring(1)", "bc" },
        { "'abc' & {}", "abc" },
        { "'abc' + {}", string.Empty },
        { "1 | 2 | 1", "1, 2" },
        { "(1 | 2).combine(1)", "1, 2, 1" },
        { "{} = 1", string.Empty },
        { "1 = 1.0", "true" },
        { "1.0 ~ 1.1", "false" },
        { "1.0 ~ 1.01", "true" },
        { "'A  b' ~ 'a b'", "true" },
        { "@2020-01 = @2020-01-01", string.Empty },
        { "@2020-01 ~ @2020-01-01", "false" },
        { "@2020-01-01 < @2020-01-02", "true" },
        { "@2020-01-31 + 1 month", "2020-02-29" },
        { "@2020-01-01T10:00:00Z = @2020-01-01T11:00:00+01:00", "true" },
        { "@T10:00 + 90 'min'", "11:30" },
        { "4 'g' = 4000 'mg'", "true" },
        { "1 'kg' > 999 'g'", "true" },
        { "2 'h' = 120 'min'", "true" },
        { "1 year = 1 'a'", string.Empty },
        { "true and {}", string.Empty },
        { "false and {}", "false" },
        { "true or {}", "true" },
        { "{} implies false", string.Empty },
        { "false implies {}", "true" },
        { "true xor true", "false" },
        { "2 in (1 | 2)", "true" },
        { "(1 | 2) contains 3", "false" },
        { "1 is Integer", "true" },
        { "1.is(System.Decimal)", "false" },
        { "(1 | 2 | 3).where($this > 1).select($this * 10)", "20, 30" },
        { "(1 | 2 | 3).aggregate($this + $total, 0)", "6" },
        { "'a,b'.split(',').count()", "2" },
        { "iif(true, 'y', 1/0)", "y" },
        { "(3 | 1 | 2).sort(-$this)", "3, 2, 1" },
        { "@2012-04-15T15:00:00Z = @2012-04-15T10:00:00", string.Empty },
        { "@2012-04-15T15:00:00Z = @2012-04-15T16:00:00+01:00", "true" },
        { "'\\\"x\\\"'.unescape('json')", "\"x\"" },
        { "1.587.lowBoundary(2)", "1.58" },
        { "'1 \\'mg\\''.toQuantity()", "1 'mg'" },
        { "%ucum", "http://unitsofmeasure.org" },
        { "%`vs-administrative-gender`", "http://hl7.org/fhir/ValueSet/administrative-gender" },
    };

    [Theory]
    [MemberData(nameof(Literals))]
    public void Evaluate_Literal_ReturnsExpected(string expression, string expected)
    {
        var sut = new FhirPathEngine();

        var result = sut.Evaluate(TestNodes.Patient(), expression);

        TestNodes.Render(result).Should().Be(expected);
    }

    public static TheoryData<string> EvaluationErrors => new()
    {
        "(1 | 2) + 1",
        "'a' - 'b'",
        "@2020-01-01 + 7",
        "@2020-01-01 + 1 'cm'",
        "(1 | 2).single()",
        "(true | 'x').allTrue()",
        "-'a'",
        "1 < 'a'",
        "iif('x', 1, 2)",
        "(1 | 2).where($this | 5)",
    };

    [Theory]
    [MemberData(nameof(EvaluationErrors))]
    public void Evaluate_SpecDefinedError_ThrowsEvaluationException(string expression)
    {
        var sut = new FhirPathEngine();

        var act = () => sut.Evaluate(TestNodes.Patient(), expression);

        act.Should().Throw<FhirPathEvaluationException>();
    }

    [Fact]
    public void Compile_SameTextConcurrently_ReturnsOneInstance()
    {
        var sut = new FhirPathEngine();
        var results = new CompiledExpression[64];

        Parallel.For(0, results.Length, i => results[i] = sut.Compile("name.where(use = 'official').given.first()"));

        results.Distinct().Should().ContainSingle();
        sut.CachedCount.Should().Be(1);
    }

    [Fact]
    public void Evaluate_ConcurrentlyOnSharedTree_GivesSameResults()
    {
        var patient = TestNodes.Patient();
        var compiled = new FhirPathEngine().Compile("name.given.where($this.startsWith('J')).count()");
        var counts = new long[200];

        Parallel.For(0, counts.Length, i => counts[i] = (long)compiled.Evaluate(patient)[0].Value!);

        counts.Should().OnlyContain(c => c == 2);
    }

    [Fact]
    public void Evaluate_Now_UsesContextClock()
    {
        var clock = new FixedTimeProvider(new DateTimeOffset(2024, 2, 29, 10, 0, 0, TimeSpan.Zero));
        var context = new FhirPathContext { TimeProvider = clock };

        var result = new FhirPathEngine().Evaluate(TestNodes.Patient(), "today()", context);

        result.Should().ContainSingle().Which.Value.Should().BeOfType<FhirPathTemporal>().Which.ToString().Should().Be("2024-02-29");
    }

    [Fact]
    public void Evaluate_CallerVariable_IsVisible()
    {
        var context = new FhirPathContext
        {
            Variables = new Dictionary<string, IReadOnlyList<FhirPathItem>> { ["limit"] = [FhirPathItem.FromValue(1L)] },
        };

        var result = new FhirPathEngine().Evaluate(TestNodes.Patient(), "name.count() > %limit", context);

        TestNodes.Render(result).Should().Be("true");
    }

    [Fact]
    public void Evaluate_ResultIsTheInput_IsNotOverwrittenByTheNextEvaluation()
    {
        var compiled = new FhirPathEngine().Compile("$this");
        var first = TestNodes.Patient();
        var second = TestNodes.Patient();

        var firstResult = compiled.Evaluate(first);
        compiled.Evaluate(second);

        firstResult.Should().ContainSingle().Which.Node.Should().BeSameAs(first);
    }

    [Fact]
    public void Evaluate_HookEvaluatesAnotherExpression_ScopesDoNotInterfere()
    {
        var engine = new FhirPathEngine();
        var context = new FhirPathContext { ProfileChecker = new EvaluatingChecker(engine) };

        var result = engine.Evaluate(TestNodes.Patient(), "name.given.first() & iif(conformsTo('urn:x'), '+', '-') & name.given.last()", context);

        TestNodes.Render(result).Should().Be("Peter+Jim");
    }

    [Fact]
    public void Evaluate_MemberCountOnMisspelledElementOfTypedNode_ThrowsEvaluationException()
    {
        var type = new Model.TypeDefinition("HumanName", Model.TypeKind.ComplexType, "Element", false, false, null);
        type.SetChildren([new Model.ChildDefinition("given", "HumanName.given", 0, ["string"], 0, null, false, true, false, false, null)]);
        var name = new Model.ElementNode("name", "HumanName", type);

        var act = () => new FhirPathEngine().Evaluate(name, "given1.count()");

        act.Should().Throw<FhirPathEvaluationException>();
    }

    private sealed class EvaluatingChecker(FhirPathEngine engine) : IFhirPathProfileChecker
    {
        public bool? ConformsTo(Model.ElementNode node, string profileUrl) =>
            engine.Compile("gender = 'male'").EvaluateBoolean(node);
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
