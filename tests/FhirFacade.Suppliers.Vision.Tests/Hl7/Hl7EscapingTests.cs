using FhirFacade.Suppliers.Vision.Hl7;

namespace FhirFacade.Suppliers.Vision.Tests.Hl7;

[Trait("Category", "Unit")]
public sealed class Hl7EscapingTests
{
    private static readonly Hl7Delimiters Custom = new('#', '$', '%', '!', '@');

    public static TheoryData<string, string> DefaultEscapes => new()
    {
        { "a|b", @"a\F\b" },
        { "a^b", @"a\S\b" },
        { "a&b", @"a\T\b" },
        { "a~b", @"a\R\b" },
        { @"a\b", @"a\E\b" },
        { "line1\rline2", @"line1\X0D\line2" },
        { "line1\nline2", @"line1\X0A\line2" },
        { "Peak flow 350|400 L/min; cats & dogs ^ pollen ~ exercise \\ cold", @"Peak flow 350\F\400 L/min; cats \T\ dogs \S\ pollen \R\ exercise \E\ cold" },
        { "plain text", "plain text" },
        { string.Empty, string.Empty },
    };

    public static TheoryData<string, string> DecodeOnly => new()
    {
        { @"caf\XC3A9\", "café" },
        { @"a\X0D0A\b", "a\r\nb" },
        { @"\H\bold\N\", "bold" },
        { @"one\.br\two", "one\ntwo" },
        { @"kept \Z99\ as written", @"kept \Z99\ as written" },
        { @"odd \X0\ hex kept", @"odd \X0\ hex kept" },
        { @"trailing \E", @"trailing \E" },
    };

    [Theory]
    [MemberData(nameof(DefaultEscapes))]
    public void Escape_DefaultDelimiters_WritesEscapeSequences(string text, string escaped)
    {
        var result = Hl7Escaping.Escape(text, Hl7Delimiters.Default);

        result.Should().Be(escaped);
    }

    [Theory]
    [MemberData(nameof(DefaultEscapes))]
    public void Unescape_DefaultDelimiters_RestoresText(string text, string escaped)
    {
        var result = Hl7Escaping.Unescape(escaped, Hl7Delimiters.Default);

        result.Should().Be(text);
    }

    [Theory]
    [MemberData(nameof(DecodeOnly))]
    public void Unescape_HexFormattingAndUnknownSequences_DecodesOrKeeps(string escaped, string text)
    {
        var result = Hl7Escaping.Unescape(escaped, Hl7Delimiters.Default);

        result.Should().Be(text);
    }

    [Fact]
    public void EscapeThenUnescape_CustomDelimiters_RoundTrips()
    {
        const string text = "# $ % ! @ | ^ & ~ \\";

        var escaped = Hl7Escaping.Escape(text, Custom);
        var result = Hl7Escaping.Unescape(escaped, Custom);

        escaped.Should().Be("!F! !S! !R! !E! !T! | ^ & ~ \\");
        result.Should().Be(text);
    }
}
