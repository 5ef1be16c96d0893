using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Serialization.Json;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Fhir.Tests.Serialization.Json;

[Trait("Category", "Unit")]
public sealed class FhirJsonParserMalformedTests
{
    private const string P = "{\"resourceType\":\"Patient\",";

    public static TheoryData<string, string, string, string?> MalformedInputs() => new()
    {
        // name, json, expected code, expected location
        { "truncated object", P, JsonIssueCodes.InvalidJson, null },
        { "empty input", "", JsonIssueCodes.InvalidJson, null },
        { "comment", "{\"resourceType\":\"Patient\" /* c */}", JsonIssueCodes.InvalidJson, null },
        { "trailing content", "{\"resourceType\":\"Patient\"} x", JsonIssueCodes.InvalidJson, null },
        { "root is an array", "[]", JsonIssueCodes.ObjectExpected, null },
        { "missing resourceType", "{\"id\":\"x\"}", JsonIssueCodes.MissingResourceType, null },
        { "resourceType not a string", "{\"resourceType\":1}", JsonIssueCodes.MissingResourceType, null },
        { "unknown resourceType", "{\"resourceType\":\"Foo\"}", JsonIssueCodes.UnknownResourceType, null },
        { "abstract resourceType", "{\"resourceType\":\"DomainResource\"}", JsonIssueCodes.UnknownResourceType, null },
        { "duplicate resourceType", P + "\"resourceType\":\"Patient\"}", JsonIssueCodes.DuplicateProperty, "Patient" },
        { "unknown property", P + "\"foo\":1}", JsonIssueCodes.UnknownProperty, "Patient.foo" },
        { "unknown nested property", P + "\"name\":[{\"family\":\"x\",\"familyName\":\"x\"}]}", JsonIssueCodes.UnknownProperty, "Patient.name[0].familyName" },
        { "string for boolean", P + "\"active\":\"true\"}", JsonIssueCodes.WrongPrimitiveKind, "Patient.active" },
        { "number for code", P + "\"gender\":1}", JsonIssueCodes.WrongPrimitiveKind, "Patient.gender" },
        { "boolean for date", P + "\"birthDate\":true}", JsonIssueCodes.WrongPrimitiveKind, "Patient.birthDate" },
        { "string for decimal", "{\"resourceType\":\"Observation\",\"valueQuantity\":{\"value\":\"1.5\",\"unit\":\"mg\"}}", JsonIssueCodes.WrongPrimitiveKind, "Observation.value.value" },
        { "object for primitive", P + "\"gender\":{\"value\":\"male\"}}", JsonIssueCodes.WrongPrimitiveKind, "Patient.gender" },
        { "nested array in primitive array", P + "\"name\":[{\"family\":\"x\",\"given\":[[\"a\"]]}]}", JsonIssueCodes.WrongPrimitiveKind, "Patient.name[0].given[0]" },
        { "string for complex", P + "\"maritalStatus\":\"M\"}", JsonIssueCodes.ObjectExpected, "Patient.maritalStatus" },
        { "string in extension array", P + "\"extension\":[\"x\"]}", JsonIssueCodes.ObjectExpected, "Patient.extension[0]" },
        { "string for _name", P + "\"_gender\":\"x\"}", JsonIssueCodes.ObjectExpected, "Patient.gender" },
        { "empty string", P + "\"gender\":\"\"}", JsonIssueCodes.EmptyString, "Patient.gender" },
        { "empty narrative div", P + "\"text\":{\"status\":\"generated\",\"div\":\"\"}}", JsonIssueCodes.EmptyString, "Patient.text.div" },
        { "empty array", P + "\"name\":[]}", JsonIssueCodes.EmptyArray, "Patient.name" },
        { "empty object", P + "\"maritalStatus\":{}}", JsonIssueCodes.EmptyObject, "Patient.maritalStatus" },
        { "empty _name object", P + "\"_gender\":{}}", JsonIssueCodes.EmptyObject, "Patient.gender" },
        { "null single value", P + "\"gender\":null}", JsonIssueCodes.UnexpectedNull, "Patient.gender" },
        { "null in complex array", P + "\"name\":[null]}", JsonIssueCodes.UnexpectedNull, "Patient.name[0]" },
        { "null in primitive array without _name", P + "\"name\":[{\"given\":[\"a\",null]}]}", JsonIssueCodes.UnexpectedNull, "Patient.name[0].given[1]" },
        { "duplicate key", P + "\"gender\":\"male\",\"gender\":\"female\"}", JsonIssueCodes.DuplicateProperty, "Patient.gender" },
        { "resourceType on data type", P + "\"name\":[{\"resourceType\":\"HumanName\",\"family\":\"x\"}]}", JsonIssueCodes.ResourceTypeNotAllowed, "Patient.name[0]" },
        { "array for single element", P + "\"gender\":[\"male\"]}", JsonIssueCodes.ArrayNotExpected, "Patient.gender" },
        { "single value for repeating element", P + "\"name\":{\"family\":\"x\"}}", JsonIssueCodes.ArrayExpected, "Patient.name" },
        { "_name of unknown element", P + "\"_foo\":{\"id\":\"a\"}}", JsonIssueCodes.OrphanExtensionPart, "Patient._foo" },
        { "_name of complex element", P + "\"_maritalStatus\":{\"id\":\"a\"}}", JsonIssueCodes.OrphanExtensionPart, "Patient._maritalStatus" },
        { "_name array length mismatch", P + "\"name\":[{\"given\":[\"a\",\"b\"],\"_given\":[null]}]}", JsonIssueCodes.ArrayLengthMismatch, "Patient.name[0].given" },
        { "month 13", P + "\"birthDate\":\"2020-13-01\"}", JsonIssueCodes.InvalidPrimitiveValue, "Patient.birthDate" },
        { "30 February", P + "\"birthDate\":\"2023-02-30\"}", JsonIssueCodes.InvalidPrimitiveValue, "Patient.birthDate" },
        { "dateTime without zone", P + "\"deceasedDateTime\":\"2020-01-01T10:00:00\"}", JsonIssueCodes.InvalidPrimitiveValue, "Patient.deceased" },
        { "instant without time", P + "\"meta\":{\"lastUpdated\":\"2020-01-01\"}}", JsonIssueCodes.InvalidPrimitiveValue, "Patient.meta.lastUpdated" },
        { "time out of range", "{\"resourceType\":\"Observation\",\"valueTime\":\"25:00:00\"}", JsonIssueCodes.InvalidPrimitiveValue, "Observation.value" },
        { "integer with fraction", P + "\"multipleBirthInteger\":1.5}", JsonIssueCodes.InvalidPrimitiveValue, "Patient.multipleBirth" },
        { "integer with exponent", P + "\"multipleBirthInteger\":1e2}", JsonIssueCodes.InvalidPrimitiveValue, "Patient.multipleBirth" },
        { "integer over 32 bits", P + "\"multipleBirthInteger\":2147483648}", JsonIssueCodes.InvalidPrimitiveValue, "Patient.multipleBirth" },
        { "positiveInt zero", P + "\"telecom\":[{\"rank\":0}]}", JsonIssueCodes.InvalidPrimitiveValue, "Patient.telecom[0].rank" },
        { "unsignedInt negative", "{\"resourceType\":\"DocumentReference\",\"content\":[{\"attachment\":{\"size\":-1}}]}", JsonIssueCodes.InvalidPrimitiveValue, "DocumentReference.content[0].attachment.size" },
        { "id with space", P + "\"id\":\"a b\"}", JsonIssueCodes.InvalidPrimitiveValue, "Patient.id" },
        { "id over 64 characters", P + "\"id\":\"" + new string('a', 65) + "\"}", JsonIssueCodes.InvalidPrimitiveValue, "Patient.id" },
        { "uri with whitespace", P + "\"implicitRules\":\"http://x y\"}", JsonIssueCodes.InvalidPrimitiveValue, "Patient.implicitRules" },
        { "code with leading space", P + "\"gender\":\" male\"}", JsonIssueCodes.InvalidPrimitiveValue, "Patient.gender" },
        { "code with double space", P + "\"language\":\"en  GB\"}", JsonIssueCodes.InvalidPrimitiveValue, "Patient.language" },
        { "base64 of wrong length", P + "\"photo\":[{\"data\":\"abc\"}]}", JsonIssueCodes.InvalidPrimitiveValue, "Patient.photo[0].data" },
        { "string of whitespace only", P + "\"name\":[{\"family\":\"  \"}]}", JsonIssueCodes.InvalidPrimitiveValue, "Patient.name[0].family" },
        { "two choice types", P + "\"deceasedBoolean\":true,\"deceasedDateTime\":\"2020\"}", JsonIssueCodes.MultipleChoiceTypes, "Patient.deceased" },
        { "contained without resourceType", P + "\"contained\":[{\"id\":\"x\"}]}", JsonIssueCodes.MissingResourceType, "Patient.contained[0]" },
        { "contained of unknown type", P + "\"contained\":[{\"resourceType\":\"Nope\"}]}", JsonIssueCodes.UnknownResourceType, "Patient.contained[0]" },
        { "string over 1 MB", P + "\"name\":[{\"text\":\"" + new string('x', (1024 * 1024) + 1) + "\"}]}", JsonIssueCodes.StringTooLong, "Patient.name[0].text" },
    };

    [Theory]
    [MemberData(nameof(MalformedInputs))]
    public void Parse_MalformedInput_ReportsExactlyOneErrorWithCodeAndLocation(string name, string json, string code, string? location)
    {
        var act = () => TestFhir.JsonParser.Parse(json);

        var result = act.Should().NotThrow().Subject;
        result.HasErrors.Should().BeTrue(name);
        var issue = result.Issues.Should().ContainSingle(name).Subject;
        issue.Code.Should().Be(code, name);
        issue.Location.Should().Be(location, name);
        issue.Position.Should().NotBeNull(name);
    }

    [Fact]
    public void Parse_NestingDeeperThanMaxDepth_ReportsAndSkipsTheDeepContent()
    {
        const string json = "{\"resourceType\":\"Patient\",\"name\":[{\"period\":{\"start\":\"2020\",\"extension\":[{\"url\":\"http://x\",\"valueString\":\"y\"}]}}]}";

        var result = TestFhir.JsonParser.Parse(json, new FhirJsonParserOptions { MaxDepth = 2 });

        var issue = result.Issues.Should().ContainSingle().Subject;
        issue.Code.Should().Be(JsonIssueCodes.TooDeep);
        issue.Location.Should().Be("Patient.name[0].period.extension[0]");
        result.Root!.Child("name")!.Child("period")!.Child("extension").Should().BeNull();
    }

    [Fact]
    public void Parse_DeeplyNestedExtensions_StopsAtTheDefaultLimitWithoutThrowing()
    {
        var json = P + string.Concat(Enumerable.Repeat("\"extension\":[{\"url\":\"http://x\",", 300)) + "\"valueString\":\"y\""
            + string.Concat(Enumerable.Repeat("}]", 300)) + "}";

        var result = TestFhir.JsonParser.Parse(json);

        result.Issues.Should().ContainSingle().Which.Code.Should().Be(JsonIssueCodes.TooDeep, string.Join(Environment.NewLine, result.Issues));
    }

    [Fact]
    public void Parse_SyntaxError_ReportsLineAndColumn()
    {
        const string json = "{\n  \"resourceType\": \"Patient\",\n  \"active\": tru\n}";

        var result = TestFhir.JsonParser.Parse(json);

        result.Root.Should().BeNull();
        var issue = result.Issues.Should().ContainSingle().Subject;
        issue.Severity.Should().Be(IssueSeverity.Fatal);
        issue.Position!.Value.Line.Should().Be(3);
    }

    [Fact]
    public void Parse_InvalidValue_ReportsSourcePositionOfTheValue()
    {
        const string json = "{\n  \"resourceType\": \"Patient\",\n  \"birthDate\": \"1990-02-31\"\n}";

        var result = TestFhir.JsonParser.Parse(json);

        result.Issues.Should().ContainSingle().Which.Position.Should().Be(new FhirFacade.Fhir.Model.SourcePosition(3, 16));
    }

    [Fact]
    public void Parse_InvalidUtf8_ReportsInvalidJson()
    {
        byte[] json = [.. "{\"resourceType\":\"Patient\",\"gender\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        var result = TestFhir.JsonParser.Parse(json);

        result.Root.Should().BeNull();
        result.Issues.Should().ContainSingle().Which.Code.Should().Be(JsonIssueCodes.InvalidJson);
    }
}
