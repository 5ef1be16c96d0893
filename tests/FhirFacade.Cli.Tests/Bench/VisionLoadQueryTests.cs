using System.Text;
using FhirFacade.Benchmarks.Mllp;

namespace FhirFacade.Cli.Tests.Bench;

[Trait("Category", "Unit")]
public sealed class VisionLoadQueryTests
{
    public static TheoryData<string?, bool> Responses => new()
    {
        { "MSH|^~\\&|VISION|C83002|FHIRFACADE|FACADE|20261122120000+0000||RSP^K11^RSP_K11|RB1|P|2.5\rMSA|AA|B1\rQAK|Q-B1|OK\r", true },
        { "MSH|^~\\&|VISION|C83002|FHIRFACADE|FACADE|20261122120000+0000||RSP^K11^RSP_K11|RB1|P|2.5\rMSA|AE|B1\rERR|||204\r", false },
        { "MSH|^~\\&|VISION|C83002|FHIRFACADE|FACADE|20261122120000+0000||RSP^K11^RSP_K11|RB1|P|2.5\r", false },
        { "MSA|AA|B1\r", false },
        { string.Empty, false },
        { null, false },
    };

    [Fact]
    public void Next_RecordQuery_IsAFramedQbpQ11WithAccessKeyFacilityNhsNumberAndArea()
    {
        var query = new VisionLoadQuery("vision-dev-key", "C83002", "9990000050", "MEDICATIONS");

        var framed = query.Next();

        framed[0].Should().Be(0x0B);
        framed[^2..].Should().Equal(0x1C, 0x0D);
        var segments = Segments(framed);
        segments.Select(s => s[0]).Should().Equal("MSH", "QPD", "RCP");
        new[] { segments[0][5], segments[0][7], segments[0][8], segments[0][11] }.Should().Equal("C83002", "vision-dev-key", "QBP^Q11^QBP_Q11", "2.5");
        segments[1][1..].Should().Equal("VRQ^Vision Record Query^L", "Q-" + segments[0][9], "9990000050^^^NHS^NH", "MEDICATIONS");
    }

    [Fact]
    public void Next_TwoQueries_CarryDifferentControlIds()
    {
        var query = new VisionLoadQuery("vision-dev-key", "C83002", "9990000050", "MEDICATIONS");

        var controlIds = new[] { query.Next(), query.Next() }.Select(ControlId).ToList();

        controlIds.Should().OnlyHaveUniqueItems().And.NotContain(string.Empty);
    }

    [Theory]
    [MemberData(nameof(Responses))]
    public void IsAccepted_Response_IsTrueOnlyForMsaAa(string? response, bool expected)
    {
        var accepted = VisionLoadQuery.IsAccepted(response is null ? null : Encoding.UTF8.GetBytes(response));

        accepted.Should().Be(expected);
    }

    private static string ControlId(byte[] framed) => Segments(framed)[0][9];

    // The message's segments (CR-terminated), each split into its fields ("MSH" counts as field 0, so MSH-n is [n - 1]).
    private static string[][] Segments(byte[] framed) =>
        [.. Encoding.UTF8.GetString(framed[1..^2]).Split('\r', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split('|'))];
}
