using FhirFacade.Fhir.Model;
using static FhirFacade.Fhir.FhirPath.Tests.TestNodes;

namespace FhirFacade.Fhir.FhirPath.Tests;

[Trait("Category", "Unit")]
public sealed class ElementNavigationTests
{
    private readonly FhirPathEngine _sut = new();

    public static TheoryData<string, string> PatientCases => new()
    {
        { "Patient.name.given", "Peter, James, Jim" },
        { "name[1].given", "Jim" },
        { "name.where(use = 'official').family", "Chalmers" },
        { "name.given.first()", "Peter" },
        { "name.given.last()", "Jim" },
        { "name.given.tail().count()", "2" },
        { "name.family.exists()", "true" },
        { "name.suffix.empty()", "true" },
        { "name.suffix = 'x'", string.Empty },
        { "active and name.suffix.exists()", "false" },
        { "active or name.suffix.exists()", "true" },
        { "birthDate < @2000-01-01", "true" },
        { "birthDate.extension('http://hl7.org/fhir/StructureDefinition/patient-birthTime').value.is(dateTime)", "true" },
        { "birthDate.hasValue()", "true" },
        { "name.hasValue()", "false" },
        { "active.getValue()", "true" },
        { "hasValue() or (children().count() > id.count())", "true" },
        { "name.given.distinct().count()", "3" },
        { "name[0] = name[0]", "true" },
        { "name[0] = name[1]", "false" },
        { "%resource.id", "example" },
        { "%context.gender", "male" },
        { "descendants().where($this = 'Jim').count()", "1" },
        { "name.select(given.first())", "Peter, Jim" },
        { "Patient.is(Patient)", "true" },
        { "name.given.first().indexOf('e')", "1" },
        { "gender.upper()", "MALE" },
        { "name.sort(-family).first().use", "usual" },
        { "name.where(family).count()", "1" },
        { "name.sort(family).last().use", "official" },
    };

    [Theory]
    [MemberData(nameof(PatientCases))]
    public void Evaluate_OnPatient_ReturnsExpected(string expression, string expected)
    {
        var result = _sut.Evaluate(Patient(), expression);

        Render(result).Should().Be(expected);
    }

    [Fact]
    public void Resolve_ContainedReference_ReturnsContainedResource()
    {
        var observation = Resource("Observation").With(
            Resource("Practitioner", "contained").With(Str("id", "p1")),
            Complex("performer", "Reference").With(Str("reference", "#p1")));

        var result = _sut.Evaluate(observation, "performer.resolve().id");

        Render(result).Should().Be("p1");
    }

    [Fact]
    public void Resolve_BundleEntryByFullUrlAndRelativeReference_ReturnsResource()
    {
        var bundle = Resource("Bundle").With(
            Complex("entry", "BackboneElement").With(
                Str("fullUrl", "urn:uuid:1"),
                Resource("Observation", "resource").With(Complex("subject", "Reference").With(Str("reference", "Patient/42")))),
            Complex("entry", "BackboneElement").With(
                Str("fullUrl", "https://example.org/fhir/Patient/42"),
                Resource("Patient", "resource").With(Str("id", "42"))),
            Complex("entry", "BackboneElement").With(
                Resource("Encounter", "resource").With(Complex("subject", "Reference").With(Str("reference", "https://example.org/fhir/Patient/42")))));

        var relative = _sut.Evaluate(bundle, "entry[0].resource.subject.resolve().id");
        var absolute = _sut.Evaluate(bundle, "entry[2].resource.subject.resolve().id");

        Render(relative).Should().Be("42");
        Render(absolute).Should().Be("42");
    }

    [Fact]
    public void Resolve_UnknownReference_IsEmpty()
    {
        var observation = Resource("Observation").With(Complex("subject", "Reference").With(Str("reference", "Patient/missing")));

        var result = _sut.Evaluate(observation, "subject.resolve()");

        result.Should().BeEmpty();
    }

    [Fact]
    public void Evaluate_PrimitiveWithUnparseableText_IsEmptyNotError()
    {
        var patient = Resource("Patient").With(Primitive("birthDate", DateType, "not-a-date"));

        var result = _sut.Evaluate(patient, "birthDate > @2000-01-01");

        result.Should().BeEmpty();
    }

    [Fact]
    public void Predicate_EmptyResult_IsFalseAndEvaluateBooleanIsNull()
    {
        var compiled = _sut.Compile("name.suffix = 'x'");

        compiled.Predicate(Patient()).Should().BeFalse();
        compiled.EvaluateBoolean(Patient()).Should().BeNull();
    }

    [Fact]
    public void HtmlChecks_WellFormedDiv_IsTrueAndScriptIsFalse()
    {
        var xhtml = new TypeDefinition("xhtml", TypeKind.PrimitiveType, "Element", false, false, null, PrimitiveSystemType.String);
        var good = Resource("Patient").With(Complex("text", "Narrative").With(Primitive("div", xhtml, "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Hi</p></div>")));
        var bad = Resource("Patient").With(Complex("text", "Narrative").With(Primitive("div", xhtml, "<div xmlns=\"http://www.w3.org/1999/xhtml\"><script>x</script></div>")));

        Render(_sut.Evaluate(good, "text.div.htmlChecks()")).Should().Be("true");
        Render(_sut.Evaluate(bad, "text.div.htmlChecks()")).Should().Be("false");
    }
}
