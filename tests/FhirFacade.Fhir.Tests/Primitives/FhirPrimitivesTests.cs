using FhirFacade.Fhir.Primitives;

namespace FhirFacade.Fhir.Tests.Primitives;

[Trait("Category", "Unit")]
public sealed class FhirPrimitivesTests
{
    public static TheoryData<string, string> ValidValues() => new()
    {
        { "boolean", "true" },
        { "integer", "-2147483648" },
        { "integer", "0" },
        { "positiveInt", "2147483647" },
        { "positiveInt", "+5" },
        { "unsignedInt", "0" },
        { "decimal", "-0.50" },
        { "decimal", "1.5e-3" },
        { "date", "2020" },
        { "date", "2020-02" },
        { "date", "2024-02-29" },
        { "dateTime", "2020-01-01T10:00:00.123+01:00" },
        { "dateTime", "2020-01" },
        { "instant", "2020-01-01T10:00:00Z" },
        { "time", "23:59:60" },
        { "code", "a b" },
        { "id", "UKCore-Patient.1" },
        { "uri", "urn:oid:1.2" },
        { "oid", "urn:oid:2.16.840.1.113883" },
        { "uuid", "urn:uuid:c757873d-ec9a-4326-a141-556f43239520" },
        { "base64Binary", "aGVsbG8=" },
        { "base64Binary", "aGVs\nbG8=" },
        { "string", " padded " },
        { "markdown", "# Title" },
        { "xhtml", "<div xmlns=\"http://www.w3.org/1999/xhtml\">x</div>" },
    };

    public static TheoryData<string, string> InvalidValues() => new()
    {
        { "boolean", "True" },
        { "integer", "2147483648" },
        { "integer", "01" },
        { "integer", "1.0" },
        { "positiveInt", "0" },
        { "unsignedInt", "-1" },
        { "decimal", "+1" },
        { "decimal", "01.5" },
        { "date", "2020-1-01" },
        { "date", "2023-02-29" },
        { "date", "0000" },
        { "dateTime", "2020-01-01T10:00" },
        { "dateTime", "2020-01-01T10:00:00" },
        { "instant", "2020-01-01" },
        { "time", "24:00:00" },
        { "time", "10:00:00Z" },
        { "code", " a" },
        { "code", "a  b" },
        { "code", "a\n" },
        { "id", "a_b" },
        { "id", new string('a', 65) },
        { "uri", "http://x y" },
        { "oid", "urn:oid:3.1" },
        { "uuid", "urn:uuid:C757873D-EC9A-4326-A141-556F43239520" },
        { "base64Binary", "abc" },
        { "base64Binary", "a=bc" },
        { "string", "   " },
        { "string", "" },
    };

    [Theory]
    [MemberData(nameof(ValidValues))]
    public void IsValid_ValidLexicalForm_ReturnsTrue(string type, string text)
    {
        var valid = FhirPrimitives.IsValid(type, text);

        valid.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void Validate_InvalidLexicalForm_ExplainsWithoutQuotingTheValue(string type, string text)
    {
        var problem = FhirPrimitives.Validate(type, text);

        problem.Should().NotBeNull();
        if (text.Trim().Length > 2)
        {
            problem.Should().NotContain(text);
        }
    }

    [Fact]
    public void Validate_StringOverOneMegabyte_IsInvalid()
    {
        var text = new string('x', FhirPrimitives.MaxStringLength + 1);

        var problem = FhirPrimitives.Validate("string", text);

        problem.Should().Contain("longer");
    }
}
