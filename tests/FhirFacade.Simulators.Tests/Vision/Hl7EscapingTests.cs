using FhirFacade.Simulators.Vision;

namespace FhirFacade.Simulators.Tests.Vision;

[Trait("Category", "Unit")]
public sealed class Hl7EscapingTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "a|b", @"a\F\b" },
        { "a^b", @"a\S\b" },
        { "a&b", @"a\T\b" },
        { "a~b", @"a\R\b" },
        { @"a\b", @"a\E\b" },
        { "plain text", "plain text" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Escape_Delimiter_UsesEscapeSequence(string text, string expected)
    {
        var escaped = Hl7Escaping.Escape(text);

        escaped.Should().Be(expected);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Unescape_EscapedText_RoundTrips(string text, string escaped)
    {
        var unescaped = Hl7Escaping.Unescape(escaped);

        unescaped.Should().Be(text);
    }
}
