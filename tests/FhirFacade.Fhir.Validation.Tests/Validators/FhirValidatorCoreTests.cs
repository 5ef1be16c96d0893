using FhirFacade.Fhir.Validation.Schema;
using FhirFacade.Fhir.Validation.Snapshots;
using FhirFacade.TestKit.Fhir;
using FhirFacade.Fhir.Validation.Validators;
using static FhirFacade.Fhir.Validation.Tests.Validators.NodeBuilder;

namespace FhirFacade.Fhir.Validation.Tests.Validators;

[Trait("Category", "Unit")]
public sealed class FhirValidatorCoreTests
{
    private static readonly Lazy<FhirValidator> Shared = new(() => new FhirValidator(new StructureDefinitionProvider(TestFhir.Packages, new SnapshotCacheOptions { Enabled = false })));
    private static readonly Lazy<FhirValidator> WithFhirPath = new(() => new FhirValidator(new StructureDefinitionProvider(TestFhir.Packages, new SnapshotCacheOptions { Enabled = false }), invariants: new FhirPathInvariantCompiler()));

    [Fact]
    public void Validate_ValidCorePatient_HasNoIssues()
    {
        var patient = N("Patient", "Patient",
            P("id", "id", "p1"),
            N("name", "HumanName", P("family", "string", "Smith"), P("given", "string", "Jo")),
            P("gender", "code", "female"),
            P("birthDate", "date", "1980-02-29"));

        var result = Shared.Value.Validate(patient);

        result.Issues.Where(i => i.ConstraintKey != "dom-6").Should().BeEmpty();
        result.IsValid.Should().BeTrue();
    }

    [Fact]
    public void Validate_InvalidDate_ReportsPrimitiveError()
    {
        var patient = N("Patient", "Patient", P("birthDate", "date", "1981-02-29"));

        var result = Shared.Value.Validate(patient);

        result.Issues.Where(i => i.ConstraintKey != "dom-6").Should().ContainSingle().Which.Should().Match<Issues.Issue>(i => i.Code == ValidationCodes.Primitive && i.Location == "Patient.birthDate");
    }

    [Fact]
    public void Validate_PeriodEndingBeforeStart_ReportsNothingWithoutFhirPath()
    {
        var patient = N("Patient", "Patient", N("name", "HumanName", P("family", "string", "Smith"), N("period", "Period", P("start", "dateTime", "2020"), P("end", "dateTime", "2019"))));

        var result = Shared.Value.Validate(patient);

        result.Issues.Where(i => i.ConstraintKey != "dom-6").Should().BeEmpty();
    }

    [Fact]
    public void Validate_EmptyElement_ReportsEle1()
    {
        var patient = N("Patient", "Patient", N("name", "HumanName"));

        var result = Shared.Value.Validate(patient);

        result.Issues.Where(i => i.ConstraintKey != "dom-6").Should().ContainSingle().Which.ConstraintKey.Should().Be("ele-1");
    }

    [Fact]
    public void Validate_ContactWithoutDetails_ReportsPat1Structurally()
    {
        var patient = N("Patient", "Patient", N("contact", "BackboneElement", N("relationship", "CodeableConcept", P("text", "string", "x"))));

        var result = Shared.Value.Validate(patient);

        result.Errors.Should().ContainSingle().Which.ConstraintKey.Should().Be("pat-1");
    }

    [Fact]
    public void Validate_ContactWithoutDetails_ReportsPat1ThroughFhirPath()
    {
        var patient = N("Patient", "Patient", N("contact", "BackboneElement", N("relationship", "CodeableConcept", P("text", "string", "x"))));

        var result = WithFhirPath.Value.Validate(patient);

        result.Errors.Should().ContainSingle().Which.Should().Match<Issues.Issue>(i => i.ConstraintKey == "pat-1" && i.Location == "Patient.contact");
    }

    [Fact]
    public void SkippedInvariants_AfterValidatingPatient_ListsOnlyUnsupportedOnes()
    {
        var patient = N("Patient", "Patient", N("text", "Narrative", P("status", "code", "generated"), P("div", "xhtml", "<div xmlns=\"http://www.w3.org/1999/xhtml\">x</div>")));

        var result = WithFhirPath.Value.Validate(patient);

        result.IsValid.Should().BeTrue();
        WithFhirPath.Value.SkippedInvariants.Select(s => s.Key).Should().NotContain(["ele-1", "pat-1", "dom-2"]);
    }
}
