using static FhirFacade.Fhir.FhirPath.Tests.TestNodes;

namespace FhirFacade.Fhir.FhirPath.Tests;

[Trait("Category", "Unit")]
public sealed class FhirPathContextTests
{
    private readonly FhirPathEngine _sut = new();

    [Fact]
    public void MemberOf_WithTerminologyHook_AsksTheHook()
    {
        var terminology = new RecordingTerminology();
        var context = new FhirPathContext { Terminology = terminology };

        var result = _sut.Evaluate(Patient(), "gender.memberOf(%`vs-administrative-gender`)", context);

        Render(result).Should().Be("true");
        terminology.Asked.Should().Equal("http://hl7.org/fhir/ValueSet/administrative-gender");
    }

    [Fact]
    public void MemberOf_WithoutHook_IsEmpty()
    {
        var result = _sut.Evaluate(Patient(), "gender.memberOf('http://hl7.org/fhir/ValueSet/administrative-gender')");

        result.Should().BeEmpty();
    }

    [Fact]
    public void ConformsTo_WithoutHook_IsEmpty()
    {
        var result = _sut.Evaluate(Patient(), "conformsTo('http://hl7.org/fhir/StructureDefinition/Patient')");

        result.Should().BeEmpty();
    }

    [Fact]
    public void Trace_WithTraceSink_ReportsNameAndItems()
    {
        var traced = new List<(string Name, int Count)>();
        var context = new FhirPathContext { Trace = (name, items) => traced.Add((name, items.Count)) };

        var result = _sut.Evaluate(Patient(), "name.trace('names').count()", context);

        Render(result).Should().Be("2");
        traced.Should().Equal(("names", 2));
    }

    [Fact]
    public void RootResource_InContainedResource_IsTheContainer()
    {
        var container = Resource("Observation").With(Str("id", "outer"), Resource("Practitioner", "contained").With(Str("id", "inner")));
        var contained = container.Child("contained")!;

        var resource = _sut.Evaluate(contained, "%resource.id");
        var root = _sut.Evaluate(contained, "%rootResource.id");

        Render(resource).Should().Be("inner");
        Render(root).Should().Be("outer");
    }

    [Fact]
    public void QuotedEnvironmentVariable_ExtensionForm_ExpandsToCoreUrl()
    {
        var result = _sut.Evaluate(Patient(), "%\"ext-patient-birthTime\"");

        Render(result).Should().Be("http://hl7.org/fhir/StructureDefinition/patient-birthTime");
    }

    [Fact]
    public void UnknownVariable_ThrowsEvaluationException()
    {
        var act = () => _sut.Evaluate(Patient(), "%nope");

        act.Should().Throw<FhirPathEvaluationException>();
    }

    private sealed class RecordingTerminology : IFhirPathTerminology
    {
        public List<string> Asked { get; } = [];

        public bool? MemberOf(FhirPathItem item, string valueSetUrl)
        {
            Asked.Add(valueSetUrl);
            return item.Value is "male" or "female" or "other" or "unknown";
        }
    }
}
