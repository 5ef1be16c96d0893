using FhirFacade.Cli.Commands.Bench;

namespace FhirFacade.Cli.Tests.Bench;

[Trait("Category", "Unit")]
public sealed class VisionQueryTests
{
    public static TheoryData<string, bool> Responses => new()
    {
        { "MSH|^~\\&|VISION|C83002|FHIRFACADE|FACADE|20261122120000+0000||RSP^K11^RSP_K11|RB1|P|2.5\rMSA|AA|B1\rQAK|Q-B1|OK\r", true },
        { "MSH|^~\\&|VISION|C83002|FHIRFACADE|FACADE|20261122120000+0000||RSP^K11^RSP_K11|RB1|P|2.5\rMSA|AE|B1\rERR|||204\r", false },
        { "MSH|^~\\&|VISION|C83002|FHIRFACADE|FACADE|20261122120000+0000||RSP^K11^RSP_K11|RB1|P|2.5\r", false },
        { string.Empty, false },
    };

    [Fact]
    public void Message_RecordQuery_IsAQbpQ11WithAccessKeyNhsNumberAndAreas()
    {
        var query = new VisionQuery("vision-dev-key", "C83002", "9990000050", "MEDICATIONS");

        var segments = query.Message(7).Split('\r', StringSplitOptions.RemoveEmptyEntries);

        segments.Should().Equal(
            "MSH|^~\\&|FHIRFACADE|FACADE|VISION|C83002|20261122120000|vision-dev-key|QBP^Q11^QBP_Q11|B7|P|2.5",
            "QPD|VRQ^Vision Record Query^L|Q-B7|9990000050^^^NHS^NH|MEDICATIONS",
            "RCP|I");
    }

    [Theory]
    [MemberData(nameof(Responses))]
    public void IsAccepted_Response_IsTrueOnlyForMsaAa(string response, bool expected)
    {
        var accepted = VisionQuery.IsAccepted(response);

        accepted.Should().Be(expected);
    }
}
