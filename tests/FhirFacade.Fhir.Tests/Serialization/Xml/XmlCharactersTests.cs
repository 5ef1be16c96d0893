using System.Text;
using System.Xml.Linq;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Serialization.Json;
using FhirFacade.Fhir.Serialization.Xml;

namespace FhirFacade.Fhir.Tests.Serialization.Xml;

/// <summary>Which characters FHIR XML can carry, and that writing XML never fails on one it cannot.</summary>
[Trait("Category", "Unit")]
public sealed class XmlCharactersTests
{
    public static TheoryData<string, int> Texts => new()
    {
        { string.Empty, -1 },
        { "plain text", -1 },
        { "tab\tline\ncarriage\r", -1 },
        { "emoji \ud83d\ude00 pair", -1 },
        { "private \ue000 and \ufffd", -1 },
        { "C1 \u0085 and DEL \u007f", -1 },
        { "a\u0000b", 1 },
        { "a\u0001b", 1 },
        { "\u001b[31m", 0 },
        { "ab\ufffe", 2 },
        { "\uffff", 0 },
        { "lone high \ud800 x", 10 },
        { "lone low \udc00", 9 },
        { "reversed \ude00\ud83d", 9 },
        { "high at end \ud83d", 12 },
    };

    // Lone surrogates do not survive xUnit's serialisation of theory rows at discovery.
    [Theory]
    [MemberData(nameof(Texts), DisableDiscoveryEnumeration = true)]
    public void IndexOfInvalid_Text_FindsTheFirstCharacterXmlCannotCarry(string text, int expected)
    {
        var index = XmlCharacters.IndexOfInvalid(text);

        index.Should().Be(expected);
    }

    [Fact]
    public void Replace_TextWithInvalidCharacters_ReplacesEachWithTheReplacementCharacter()
    {
        var replaced = XmlCharacters.Replace("a\u0001b\ud800c\uffff\ud83d\ude00");

        replaced.Should().Be("a\ufffdb\ufffdc\ufffd\ud83d\ude00");
    }

    [Fact]
    public void Replace_ValidText_ReturnsTheSameInstance()
    {
        const string text = "Thornton, Alice May \ud83d\ude00";

        var replaced = XmlCharacters.Replace(text);

        replaced.Should().BeSameAs(text);
    }

    [Fact]
    public void Serialize_ValueWithCharactersXmlCannotCarry_WritesWellFormedXmlWithReplacements()
    {
        var json = """{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"invalid","diagnostics":"x"}]}""";
        var tree = FhirKernel.Default.JsonParser.Parse(Encoding.UTF8.GetBytes(json)).Root!;
        tree.Child("issue")!.Child("diagnostics")!.Text = "a\u0001b\uffffc\ud800d";

        var xml = FhirXmlSerializer.SerializeToBytes(tree);

        var diagnostics = XDocument.Parse(Encoding.UTF8.GetString(xml)).Descendants(XName.Get("diagnostics", "http://hl7.org/fhir")).Single();
        diagnostics.Attribute("value")!.Value.Should().Be("a\ufffdb\ufffdc\ufffdd");
    }
}
