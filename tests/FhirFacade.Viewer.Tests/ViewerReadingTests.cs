using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace FhirFacade.Viewer.Tests;

/// <summary>
/// How the viewer reads, in the browser against the real facade, with the browser's own request
/// routing standing in for answers the demo data does not give: <c>$everything</c> over two pages (answered from
/// the facade's real searches), and, for a CapabilityStatement without <c>$everything</c>, one search failing.
/// </summary>
[Collection(ViewerCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ViewerReadingTests(ViewerFixture fixture)
{
    private const string NhsIdentifier = "https://fhir.nhs.uk/Id/nhs-number|";

    [Fact]
    public async Task Launch_CapabilityDeclaresEverything_ReadsEveryPageOfEverythingInsteadOfTheSearches()
    {
        await using var browser = await fixture.NewPageAsync();
        var page = browser.Page;
        var searches = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/fhir/", StringComparison.Ordinal) && request.Url.Contains('?', StringComparison.Ordinal) && !request.Url.Contains("$everything", StringComparison.Ordinal))
            {
                searches.Add(request.Url);
            }
        };
        await page.RouteAsync(url => url.EndsWith("/fhir/metadata", StringComparison.Ordinal), async route =>
        {
            var response = await route.FetchAsync();
            var capability = JsonNode.Parse(await response.TextAsync())!;
            var patient = capability["rest"]![0]!["resource"]!.AsArray().First(r => (string?)r!["type"] == "Patient")!;
            patient["operation"] = new JsonArray(new JsonObject { ["name"] = "everything", ["definition"] = "http://hl7.org/fhir/OperationDefinition/Patient-everything" });
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = capability.ToJsonString() });
        });
        var everythingPages = 0;
        await page.RouteAsync(url => url.Contains("/$everything", StringComparison.Ordinal), async route =>
        {
            everythingPages++;
            var second = route.Request.Url.Contains("page=2", StringComparison.Ordinal);
            var baseUrl = fixture.Server.FhirBase;
            var patientFilter = "patient.identifier=" + Uri.EscapeDataString(NhsIdentifier + "9990000050");
            string[] sources = second
                ? [$"{baseUrl}/AllergyIntolerance?{patientFilter}", $"{baseUrl}/Condition?{patientFilter}"]
                : [$"{baseUrl}/Patient?identifier={Uri.EscapeDataString(NhsIdentifier + "9990000050")}", $"{baseUrl}/MedicationStatement?{patientFilter}&_include=MedicationStatement:medication"];
            var entries = new JsonArray();
            foreach (var source in sources)
            {
                // The viewer's own request headers (its bearer token) go with each search.
                var answer = await route.FetchAsync(new RouteFetchOptions { Url = source });
                foreach (var entry in JsonNode.Parse(await answer.TextAsync())!["entry"]?.AsArray() ?? [])
                {
                    entries.Add(entry!.DeepClone());
                }
            }

            var bundle = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "searchset", ["entry"] = entries };
            if (!second)
            {
                bundle["link"] = new JsonArray(new JsonObject { ["relation"] = "next", ["url"] = route.Request.Url.Split('?')[0] + "?page=2" });
            }

            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/fhir+json", Body = bundle.ToJsonString() });
        });

        await fixture.LaunchStandaloneAsync(browser, "9990000050");
        await ViewerFixture.ScreenshotAsync(browser, "everything");

        (await page.GetAttributeAsync("body", "data-state")).Should().Be("record", browser.Describe());
        everythingPages.Should().Be(2, "the viewer follows the next link");
        searches.Should().BeEmpty("with $everything declared the viewer does not run the searches itself");
        (await page.TextContentAsync("#via")).Should().Contain("$everything");
        (await page.Locator("[data-testid=medications-current] tbody tr").CountAsync()).Should().Be(3);
        (await page.Locator("[data-testid=allergies-active] tbody tr").CountAsync()).Should().Be(2, "allergies came on the second page");
        (await page.Locator("[data-testid=problems-active] tbody tr").CountAsync()).Should().Be(3);
        (await page.Locator("[data-testid=issues-table]").TextContentAsync()).Should().Contain("SHARING-AREA-WITHHELD", "issues of every page are shown");
    }

    [Fact]
    public async Task Launch_AllergySearchFails_SaysTheListCouldNotBeReadInsteadOfNone()
    {
        await using var browser = await fixture.NewPageAsync();
        var page = browser.Page;

        // The facade declares $everything; without it the viewer reads the record through the four searches, one failing here.
        await page.RouteAsync(url => url.EndsWith("/fhir/metadata", StringComparison.Ordinal), async route =>
        {
            var response = await route.FetchAsync();
            var capability = JsonNode.Parse(await response.TextAsync())!;
            var patient = capability["rest"]![0]!["resource"]!.AsArray().First(r => (string?)r!["type"] == "Patient")!;
            patient["operation"] = new JsonArray([.. patient["operation"]!.AsArray().Where(o => (string?)o!["name"] != "everything").Select(o => o!.DeepClone())]);
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = capability.ToJsonString() });
        });
        await page.RouteAsync(url => url.Contains("/fhir/AllergyIntolerance?", StringComparison.Ordinal), route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 502,
            ContentType = "application/fhir+json",
            Body = """{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"transient","details":{"text":"EMIS Web at Riverside Medical Practice (A81001) could not be reached."}}]}""",
        }));

        await fixture.LaunchStandaloneAsync(browser, "9990000018");
        await ViewerFixture.ScreenshotAsync(browser, "allergies-failed");

        (await page.GetAttributeAsync("body", "data-state")).Should().Be("record", browser.Describe());
        (await page.Locator("[data-testid=allergies-active] tbody tr").CountAsync()).Should().Be(0);
        var empty = await page.TextContentAsync("[data-testid=allergies-active-empty]");
        empty.Should().Contain("could not be read").And.NotContain("None recorded");
        (await page.Locator("[data-testid=gap-warning]").TextContentAsync()).Should().Contain("A81001");
        (await page.Locator("[data-testid=medications-current] tbody tr").CountAsync()).Should().BeGreaterThan(0, "the other areas are still shown");
    }
}
