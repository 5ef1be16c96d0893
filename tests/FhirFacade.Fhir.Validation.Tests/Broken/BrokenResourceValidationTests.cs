using System.Text.Json.Nodes;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Serialization.Json;
using FhirFacade.Fhir.Validation.Snapshots;
using FhirFacade.Fhir.Validation.Terminology;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Fhir.Validation.Tests.Broken;

[Trait("Category", "Conformance")]
public sealed class BrokenResourceValidationTests
{
    // Primitives are checked by the validator here, not rejected by the parser first.
    private static readonly FhirJsonParserOptions ParserOptions = new() { ValidatePrimitives = false };

    private static readonly Lazy<FhirValidator> Validator = new(() =>
        new FhirValidator(
            new TestProfiles.Resolver(new StructureDefinitionProvider(TestFhir.Packages, new SnapshotCacheOptions { Enabled = false })),
            new LocalTerminology(TestFhir.Packages),
            new Schema.FhirPathInvariantCompiler(FhirPath.FhirPathEngine.Default, new FhirPath.FhirPathContext { Model = TestFhir.Model })));

    public static TheoryData<string> Cases() => new(BrokenCases.All.Keys);

    [Fact]
    public void Cases_Table_HasAtLeastSixtyRows()
    {
        BrokenCases.All.Should().HaveCountGreaterThanOrEqualTo(60);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_BaseExampleBeforeTheChange_HasNoErrors(string name)
    {
        var broken = BrokenCases.All[name];
        var resource = TestFhir.ParseJson(TestFhir.ReadUkCoreExample(broken.File), ParserOptions);

        var result = Validator.Value.Validate(resource, broken.Profile);

        result.Errors.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_BrokenResource_ReportsExactlyTheBrokenRule(string name)
    {
        var broken = BrokenCases.All[name];
        var json = (JsonObject)JsonNode.Parse(TestFhir.ReadUkCoreExample(broken.File))!;
        broken.Break(json);
        var resource = TestFhir.ParseJson(json.ToJsonString(), ParserOptions);

        var result = Validator.Value.Validate(resource, broken.Profile);

        if (broken.Severity == IssueSeverity.Error)
        {
            result.Errors.Should().ContainSingle().Which.Should().Match<Issue>(i =>
                i.Code == broken.Code && i.Location == broken.Location && i.ConstraintKey == broken.ConstraintKey);
        }
        else
        {
            result.Errors.Should().BeEmpty();
            result.Issues.Should().Contain(i => i.Code == broken.Code && i.Location == broken.Location && i.Severity == broken.Severity);
        }
    }
}
