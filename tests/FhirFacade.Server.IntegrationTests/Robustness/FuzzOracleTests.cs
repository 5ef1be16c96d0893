using FhirFacade.Server.Http;

namespace FhirFacade.Server.IntegrationTests.Robustness;

/// <summary>
/// The fuzz oracle's one allowance for a missing answer: a request far beyond Kestrel's own limits whose sending was cut
/// off when Kestrel refused it and closed the connection (seen in CI: a 532 KB request target, "Broken pipe").
/// Anything else without an answer stays a failure.
/// </summary>
[Trait("Category", "Unit")]
public sealed class FuzzOracleTests
{
    private static readonly RequestLimitsOptions Limits = new();

    public static TheoryData<string, int, string, bool> Cases() => new()
    {
        { "target beyond Kestrel's limit, write cut off", Limits.MaxRequestTargetLength * 4, "HttpRequestException: An error occurred while sending the request. <- SocketException: Broken pipe", true },
        { "target beyond Kestrel's limit, connection reset", Limits.MaxRequestTargetLength * 4, "HttpRequestException: Error while copying content to a stream. <- IOException: Connection reset by peer", true },
        { "target within the limits, write cut off", 100, "HttpRequestException: An error occurred while sending the request. <- SocketException: Broken pipe", false },
        { "target beyond Kestrel's limit, no answer in time", Limits.MaxRequestTargetLength * 4, "TaskCanceledException: The request was canceled due to the configured HttpClient.Timeout", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_RequestWithoutAnAnswer_IsAllowedOnlyWhenKestrelRefusedItWhileItWasBeingSent(string name, int targetLength, string clientError, bool allowed)
    {
        var target = "/fhir/Patient?x=" + new string('a', targetLength);
        var request = new FuzzRequest(1, "GET", target, [], "none", null, null, null, IsFhir: true);
        var response = new FuzzResponse(0, null, [], null, false, clientError);

        var violations = FuzzOracle.Check(request, response);

        if (allowed)
        {
            violations.Should().BeEmpty(name);
        }
        else
        {
            violations.Should().ContainSingle(name).Which.Should().StartWith("no answer");
        }
    }
}
