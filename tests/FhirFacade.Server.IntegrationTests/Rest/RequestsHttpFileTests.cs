using System.Net;
using FhirFacade.Fhir.Packages;
using FhirFacade.Server.IntegrationTests.Infrastructure;

namespace FhirFacade.Server.IntegrationTests.Rest;

/// <summary>
/// <c>examples/requests.http</c> works as written: every request, in order, against the facade with the embedded
/// simulators and development issuer (only the server's address put in place of the one written), starting
/// anonymous, so that every token comes from the file's own token step. None is refused for want of a token,
/// and each gets the status its <c># expect</c> line states.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RequestsHttpFileTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    private static readonly string FilePath = Path.Combine(
        FhirPackageLocator.FindCheckoutRoot() ?? throw new InvalidOperationException("The checkout (FhirFacade.sln) was not found."),
        "examples",
        "requests.http");

    [Fact]
    public async Task RequestsHttp_EveryRequestInOrder_GetsItsExpectedStatusAndNone401()
    {
        var file = HttpFile.Parse(await File.ReadAllTextAsync(FilePath));
        file.Set("root", "http://localhost");
        using var client = factory.CreateAnonymousClient();
        var results = new List<string>();
        var failures = new List<string>();

        foreach (var request in file.Requests)
        {
            using var message = file.Build(request);
            using var response = await client.SendAsync(message);
            await file.RememberAsync(request, response);

            results.Add($"{(int)response.StatusCode} {request.Method} {message.RequestUri} ({request.Title})");
            if (request.Expect is null)
            {
                failures.Add($"'{request.Title}' states no '# expect' status");
            }
            else if ((int)response.StatusCode != request.Expect || response.StatusCode == HttpStatusCode.Unauthorized)
            {
                failures.Add($"'{request.Title}': {(int)response.StatusCode}, expected {request.Expect}: {await response.Content.ReadAsStringAsync()}");
            }
        }

        file.Requests.Count.Should().BeGreaterThan(30);
        failures.Should().BeEmpty(string.Join('\n', results));
    }

    [Fact]
    public void RequestsHttp_EveryRequestButTheTokenAndCapabilities_SendsTheToken()
    {
        var file = HttpFile.Parse(File.ReadAllText(FilePath));

        var withoutToken = file.Requests.Where(r => !r.Headers.Any(h => h is { Key: "Authorization", Value: "{{authorization}}" })).Select(r => r.Title);

        withoutToken.Should().BeEquivalentTo("Token from the development issuer (client credentials; the embedded default only — elsewhere, your issuer's)", "CapabilityStatement (open: no token needed)");
    }
}
