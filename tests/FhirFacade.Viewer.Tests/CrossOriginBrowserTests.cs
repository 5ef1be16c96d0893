using System.Net.Http.Json;
using System.Text.Json;
using FhirFacade.TestKit.Server;

namespace FhirFacade.Viewer.Tests;

/// <summary>
/// CORS as Chromium enforces it: a page of another origin (a static server on another loopback port)
/// calls the facade with <c>fetch</c> and a bearer token. From the origin the facade allows, the token
/// endpoint's answer and the FHIR data are readable, with the headers a FHIR client reads; from an origin it
/// does not allow, the browser blocks both. The reference viewer, served from the allowed origin, launches
/// against the facade and shows the record.
/// </summary>
[Collection(ViewerCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CrossOriginBrowserTests(ViewerFixture fixture, CrossOriginFixture origins) : IClassFixture<CrossOriginFixture>
{
    private const string NhsNumber = "9990000018";

    // Runs in the page: a token (client_credentials) unless one is given, then a search with it; what the page could read.
    private const string FetchScript = """
        async ({ fhirBase, tokenUrl, token, nhs }) => {
          const result = { ok: false };
          try {
            let accessToken = token;
            if (!accessToken) {
              const answer = await fetch(tokenUrl, { method: "POST", body: new URLSearchParams({ grant_type: "client_credentials", client_id: "demo-client", client_secret: "demo-secret", scope: "user/*.rs" }) });
              result.tokenStatus = answer.status;
              accessToken = (await answer.json()).access_token;
            }
            const response = await fetch(fhirBase + "/Patient?identifier=" + encodeURIComponent("https://fhir.nhs.uk/Id/nhs-number|" + nhs), {
              headers: { Authorization: "Bearer " + accessToken, Accept: "application/fhir+json" },
            });
            const body = await response.json();
            result.status = response.status;
            result.resourceType = body.resourceType;
            result.entries = (body.entry ?? []).length;
            result.requestId = response.headers.get("X-Request-Id");
            result.ok = true;
          } catch (error) {
            result.error = String(error);
          }
          return result;
        }
        """;

    [Fact]
    public async Task Fetch_FromTheAllowedOrigin_GetsATokenAndReadsThePatientWithItsHeaders()
    {
        await using var browser = await fixture.NewPageAsync();
        await browser.Page.GotoAsync(origins.Allowed.Origin + "/page.html");

        var result = await FetchAsync(browser, origins.Facade, token: null);

        result.GetProperty("ok").GetBoolean().Should().BeTrue($"{result} {browser.Describe()}");
        result.GetProperty("tokenStatus").GetInt32().Should().Be(200);
        result.GetProperty("status").GetInt32().Should().Be(200);
        result.GetProperty("resourceType").GetString().Should().Be("Bundle");
        result.GetProperty("entries").GetInt32().Should().BeGreaterThan(0);
        result.GetProperty("requestId").GetString().Should().NotBeNullOrEmpty("X-Request-Id is exposed to the page");
    }

    [Fact]
    public async Task Fetch_FromAnOriginNotAllowed_IsBlockedByTheBrowser()
    {
        await using var browser = await fixture.NewPageAsync();
        await browser.Page.GotoAsync(origins.NotAllowed.Origin + "/page.html");
        var token = await TokenAsync(origins.Facade);

        var withToken = await FetchAsync(browser, origins.Facade, token);
        var tokenRequest = await FetchAsync(browser, origins.Facade, token: null);

        withToken.GetProperty("ok").GetBoolean().Should().BeFalse(withToken.ToString());
        withToken.GetProperty("error").GetString().Should().Contain("Failed to fetch");
        tokenRequest.GetProperty("ok").GetBoolean().Should().BeFalse("the token endpoint's answer is not readable either");
        tokenRequest.TryGetProperty("tokenStatus", out _).Should().BeFalse();
        browser.Problems.Should().Contain(p => p.Contains("blocked by CORS policy", StringComparison.Ordinal), "the browser, not the network, refused: {0}", browser.Describe());
    }

    [Fact]
    public async Task Fetch_FromAnyLoopbackOrigin_EmbeddedDefault_ReadsThePatient()
    {
        await using var browser = await fixture.NewPageAsync();
        await browser.Page.GotoAsync(origins.NotAllowed.Origin + "/page.html");

        var result = await FetchAsync(browser, fixture.Server, token: null);

        result.GetProperty("ok").GetBoolean().Should().BeTrue($"{result} {browser.Describe()}");
        result.GetProperty("status").GetInt32().Should().Be(200);
    }

    [Fact]
    public async Task Viewer_ServedFromTheAllowedOrigin_LaunchesAgainstTheFacadeAndShowsTheRecord()
    {
        await using var browser = await fixture.NewPageAsync();
        var viewer = $"{origins.Allowed.Origin}/viewer/?iss={Uri.EscapeDataString(origins.Facade.FhirBase)}";

        await fixture.LaunchStandaloneAsync(browser, NhsNumber, viewer);
        await ViewerFixture.ScreenshotAsync(browser, "other-origin");

        var page = browser.Page;
        new Uri(page.Url).GetLeftPart(UriPartial.Authority).Should().Be(origins.Allowed.Origin, "the app ran on its own origin");
        (await page.GetAttributeAsync("body", "data-state")).Should().Be("record", browser.Describe());
        (await page.TextContentAsync("[data-testid=nhs-number]")).Should().Be("999 000 0018");
        (await page.Locator("[data-testid=medications-current] tbody tr").CountAsync()).Should().BeGreaterThan(0);
    }

    private static async Task<JsonElement> FetchAsync(BrowserPage browser, FacadeProcess facade, string? token) =>
        await browser.Page.EvaluateAsync<JsonElement>(FetchScript, new { fhirBase = facade.FhirBase, tokenUrl = facade.Root + "/dev-auth/token", token, nhs = NhsNumber });

    private static async Task<string> TokenAsync(FacadeProcess facade)
    {
        using var client = new HttpClient();
        using var response = await client.PostAsync(new Uri(facade.Root + "/dev-auth/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "demo-client",
            ["client_secret"] = "demo-secret",
            ["scope"] = "user/*.rs",
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }
}
