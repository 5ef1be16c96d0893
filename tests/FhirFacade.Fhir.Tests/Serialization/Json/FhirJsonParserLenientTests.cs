using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Serialization.Json;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Fhir.Tests.Serialization.Json;

[Trait("Category", "Unit")]
public sealed class FhirJsonParserLenientTests
{
    private const string P = "{\"resourceType\":\"Patient\",\"gender\":\"male\",";

    public static TheoryData<string, string> Downgraded() => new()
    {
        { P + "\"foo\":1}", JsonIssueCodes.UnknownProperty },
        { P + "\"name\":{\"family\":\"x\"}}", JsonIssueCodes.ArrayExpected },
        { P + "\"birthDate\":\"\"}", JsonIssueCodes.EmptyString },
        { P + "\"name\":[]}", JsonIssueCodes.EmptyArray },
        { P + "\"maritalStatus\":{}}", JsonIssueCodes.EmptyObject },
        { P + "\"birthDate\":null}", JsonIssueCodes.UnexpectedNull },
        { P + "\"name\":[{\"resourceType\":\"HumanName\",\"family\":\"x\"}]}", JsonIssueCodes.ResourceTypeNotAllowed },
        { P + "\"_foo\":{\"id\":\"a\"}}", JsonIssueCodes.OrphanExtensionPart },
        { P + "\"birthDate\":[\"2020\"]}", JsonIssueCodes.ArrayNotExpected },
    };

    public static TheoryData<string, string> StillErrors() => new()
    {
        { P + "\"birthDate\":\"2020-13-01\"}", JsonIssueCodes.InvalidPrimitiveValue },
        { P + "\"active\":\"true\"}", JsonIssueCodes.WrongPrimitiveKind },
        { P + "\"birthDate\":[\"2020\",\"2021\"]}", JsonIssueCodes.ArrayNotExpected },
        { P + "\"gender\":\"female\"}", JsonIssueCodes.DuplicateProperty },
    };

    [Theory]
    [MemberData(nameof(Downgraded))]
    public void Parse_Lenient_DowngradesSafeProblemsToWarnings(string json, string code)
    {
        var result = TestFhir.JsonParser.Parse(json, FhirJsonParserOptions.LenientDefault);

        result.HasErrors.Should().BeFalse();
        result.Issues.Should().ContainSingle().Which.Should().Match<Issue>(i => i.Code == code && i.Severity == IssueSeverity.Warning);
        result.Root!.Child("gender")!.Text.Should().Be("male");
    }

    [Theory]
    [MemberData(nameof(StillErrors))]
    public void Parse_Lenient_KeepsUnsafeProblemsAsErrors(string json, string code)
    {
        var result = TestFhir.JsonParser.Parse(json, FhirJsonParserOptions.LenientDefault);

        result.HasErrors.Should().BeTrue();
        result.Issues.Should().ContainSingle().Which.Code.Should().Be(code);
    }

    [Fact]
    public void Parse_LenientSingleValueForArray_KeepsTheValue()
    {
        var result = TestFhir.JsonParser.Parse(P + "\"name\":{\"family\":\"x\"}}", FhirJsonParserOptions.LenientDefault);

        var serialized = TestFhir.SerializeJson(result.Root!);

        serialized.Should().Be("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"x\"}],\"gender\":\"male\"}");
    }

    [Fact]
    public void Parse_LenientUnknownProperty_IsDropped()
    {
        var result = TestFhir.JsonParser.Parse(P + "\"foo\":{\"bar\":[1,2]}}", FhirJsonParserOptions.LenientDefault);

        var serialized = TestFhir.SerializeJson(result.Root!);

        serialized.Should().Be("{\"resourceType\":\"Patient\",\"gender\":\"male\"}");
    }
}
