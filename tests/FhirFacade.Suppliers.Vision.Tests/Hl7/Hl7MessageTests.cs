using FhirFacade.Suppliers.Vision.Hl7;

namespace FhirFacade.Suppliers.Vision.Tests.Hl7;

[Trait("Category", "Unit")]
public sealed class Hl7MessageTests
{
    private const string Response =
        "MSH|^~\\&|VISION|C83001|FHIRFACADE|FACADE|20261122084921+0000||RSP^K11^RSP_K11|RMSG0001|P|2.5\r" +
        "MSA|AA|MSG0001\r" +
        "PID|1||9990000034^^^NHS^NH~V0000034^^^VISION^PI||Ellwood^Catherine^Jane^^Ms^^L||19810123|F|||22 Minster Yard^^Lincoln\r" +
        "NTE|1||Peak flow 350\\F\\400 L/min; cats \\T\\ dogs\r" +
        "ZZZ|a&b&c^d|\"\"||x\r";

    public static TheoryData<string, string> NotMessages => new()
    {
        { string.Empty, "does not start with a valid MSH" },
        { "PID|1\r", "does not start with a valid MSH" },
        { "MSH|^~\\&|A\rPID|1", "not terminated" },
        { "MSH|^~\\&|A\rpid|1\r", "no valid segment id" },
        { "MSH|^~\\&|A\rPIDX|1\r", "no valid segment id" },
        { "MSH|^^\\&|A\r", "does not start with a valid MSH" },
        { "MSHa^~\\&|A\r", "does not start with a valid MSH" },
    };

    [Fact]
    public void TryParse_SimulatorResponse_ReadsFieldsComponentsAndRepetitions()
    {
        var parsed = Hl7Message.TryParse(Response, out var message, out _);

        parsed.Should().BeTrue();
        message!.Segments.Select(s => s.Name).Should().Equal("MSH", "MSA", "PID", "NTE", "ZZZ");
        message.Header.Value(9, 1).Should().Be("RSP");
        message.Header.Value(9, 2).Should().Be("K11");
        message.Header.Value(10).Should().Be("RMSG0001");
        var pid = message.First("PID")!;
        pid.Repetitions(3).Select(r => r.Component(1)).Should().Equal("9990000034", "V0000034");
        pid.Repetitions(3)[1].Component(4).Should().Be("VISION");
        pid.Value(5, 2).Should().Be("Catherine");
        pid.Value(5, 7).Should().Be("L");
        pid.Value(5, 20).Should().BeEmpty();
        pid.Value(40).Should().BeEmpty();
    }

    [Fact]
    public void TryParse_HeaderFields_NumbersMsh1AndMsh2AsTheStandardDoes()
    {
        Hl7Message.TryParse(Response, out var message, out _).Should().BeTrue();

        message!.Header.Value(1).Should().Be("|");
        message.Header.Value(2).Should().Be("^~\\&");
        message.Header.Value(3).Should().Be("VISION");
        message.Header.Value(7).Should().Be("20261122084921+0000");
    }

    [Fact]
    public void Value_EscapedText_IsUnescaped()
    {
        Hl7Message.TryParse(Response, out var message, out _).Should().BeTrue();

        message!.First("NTE")!.Value(3).Should().Be("Peak flow 350|400 L/min; cats & dogs");
    }

    [Fact]
    public void Value_SubComponentsAndNull_ReadsEachAndTellsNullFromEmpty()
    {
        Hl7Message.TryParse(Response, out var message, out _).Should().BeTrue();
        var zzz = message!.First("ZZZ")!;

        zzz.Repetitions(1)[0].SubComponents(1).Should().Equal("a", "b", "c");
        zzz.Value(1, 1, 2).Should().Be("b");
        zzz.Value(1, 2).Should().Be("d");
        zzz.IsNull(2).Should().BeTrue();
        zzz.IsPresent(2).Should().BeTrue();
        zzz.Value(2).Should().BeEmpty();
        zzz.Repetitions(2).Should().BeEmpty();
        zzz.IsNull(3).Should().BeFalse();
        zzz.IsPresent(3).Should().BeFalse();
        zzz.Value(4).Should().Be("x");
    }

    [Fact]
    public void TryParse_DeclaredDelimiters_AreUsedInsteadOfTheDefaults()
    {
        const string text = "MSH#$%!@#APP#FAC\rPID#1##123$$$NHS%456$$$VISION##Smith$John@Jr#a|b^c!F!\r";

        var parsed = Hl7Message.TryParse(text, out var message, out _);

        parsed.Should().BeTrue();
        message!.Delimiters.Should().Be(new Hl7Delimiters('#', '$', '%', '!', '@'));
        message.Header.Value(3).Should().Be("APP");
        var pid = message.First("PID")!;
        pid.Repetitions(3).Select(r => r.Component(4)).Should().Equal("NHS", "VISION");
        pid.Value(5, 2, 2).Should().Be("Jr");
        pid.Value(6).Should().Be("a|b^c#");
    }

    [Theory]
    [MemberData(nameof(NotMessages))]
    public void TryParse_NotAMessage_ReturnsFalseWithReason(string text, string reason)
    {
        var parsed = Hl7Message.TryParse(text, out var message, out var error);

        parsed.Should().BeFalse();
        message.Should().BeNull();
        error.Should().Contain(reason);
    }

    [Fact]
    public void TryParse_CrLfTerminators_AreAccepted()
    {
        var parsed = Hl7Message.TryParse("MSH|^~\\&|A\r\nPID|1\r\n", out var message, out _);

        parsed.Should().BeTrue();
        message!.Segments.Should().HaveCount(2);
    }

    [Fact]
    public void EncodeThenParse_StructuredValues_RoundTrip()
    {
        string?[][][] name = [[["Family"], ["Given"], [null], ["a&b"]], [["O'Neil|x"], ["Ann^Marie"]]];
        var segments = new[]
        {
            new Hl7SegmentBuilder("MSH").Field(3, "FHIRFACADE").Field(9, "QBP", "Q11", "QBP_Q11").Field(10, "ID~1"),
            new Hl7SegmentBuilder("PID").Structured(5, name).Null(6).Field(8, "F").Repeating(13, [["0770", "PRN", "CP"], [null, "NET", "Internet", "a\\b@example.com"]]),
        };

        var text = Hl7Message.Encode(segments, Hl7Delimiters.Default);
        Hl7Message.TryParse(text, out var message, out _).Should().BeTrue();

        text.Should().StartWith("MSH|^~\\&|FHIRFACADE||||||QBP^Q11^QBP_Q11|ID\\R\\1\r");
        text.Should().Contain("PID|||||Family^Given^^a\\T\\b~O'Neil\\F\\x^Ann\\S\\Marie|\"\"||F|||||0770^PRN^CP~^NET^Internet^a\\E\\b@example.com\r");
        message!.Header.Value(10).Should().Be("ID~1");
        var pid = message.First("PID")!;
        pid.Repetitions(5)[0].Component(4).Should().Be("a&b");
        pid.Repetitions(5)[1].Component(1).Should().Be("O'Neil|x");
        pid.Repetitions(5)[1].Component(2).Should().Be("Ann^Marie");
        pid.IsNull(6).Should().BeTrue();
        pid.IsPresent(7).Should().BeFalse();
        pid.Repetitions(13)[1].Component(4).Should().Be("a\\b@example.com");
    }

    [Fact]
    public void Encode_SubComponents_AreJoinedWithTheDeclaredSeparator()
    {
        var segment = new Hl7SegmentBuilder("ZZZ").Structured(1, [[["a", "b", null], ["c"]]]);

        var text = segment.Encode(Hl7Delimiters.Default);

        text.Should().Be("ZZZ|a&b^c");
    }
}
