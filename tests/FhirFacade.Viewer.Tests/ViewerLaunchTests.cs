namespace FhirFacade.Viewer.Tests;

/// <summary>
/// The reference viewer in a real browser against the real facade: a standalone SMART launch through
/// the landing page, the development issuer's picker and the token, then the record as shown.
/// </summary>
[Collection(ViewerCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ViewerLaunchTests(ViewerFixture fixture)
{
    [Fact]
    public async Task StandaloneLaunch_FourSupplierPatient_ShowsTheRecordWithEverySource()
    {
        await using var browser = await fixture.NewPageAsync();

        await fixture.LaunchStandaloneAsync(browser, "9990000050");
        await ViewerFixture.ScreenshotAsync(browser, "four-suppliers");

        var page = browser.Page;
        (await page.GetAttributeAsync("body", "data-state")).Should().Be("record", browser.Describe());
        (await page.TextContentAsync("[data-testid=nhs-number]")).Should().Be("999 000 0050");
        (await page.TextContentAsync("[data-testid=patient-name]")).Should().Be("Mrs Eleanor Rose WHITFIELD");
        (await page.TextContentAsync("[data-testid=registered-practice]")).Should().Be("Hillview Surgery");
        var suppliers = await page.Locator("#record li.source").EvaluateAllAsync<string[]>("items => [...new Set(items.map(i => i.dataset.supplier))].sort()");
        suppliers.Should().Equal(["emis", "microtest", "tpp", "vision"], "every supplier holding part of the record is named on its entries");
        var heartFailure = page.Locator("[data-testid=problems-active] tr", new() { HasText = "Heart failure" });
        (await heartFailure.Locator("li.source").AllTextContentsAsync()).Should().BeEquivalentTo(["EMIS Web · A81002", "Microtest Evolution · L83100"], "a merged entry names all of its sources");
        (await page.Locator("[data-testid=medications-current] tbody tr").CountAsync()).Should().Be(3);
        (await page.Locator("[data-testid=medications-past] tbody tr").CountAsync()).Should().Be(2);
        (await page.Locator("[data-testid=allergies-active] tbody tr").AllTextContentsAsync()).Should().Contain(row => row.Contains("Aspirin"));
        (await page.Locator("[data-testid=problems-inactive] tbody tr").CountAsync()).Should().Be(2);
        (await page.Locator("[data-testid=timeline] svg g.row").CountAsync()).Should().Be(10, "five problems and five medications, all dated");
        (await page.Locator("[data-testid=issues-table]").TextContentAsync()).Should().Contain("SHARING-AREA-WITHHELD").And.Contain("MERGED-DUPLICATE");
        (await page.Locator("[data-testid=gap-warning]").TextContentAsync()).Should().Contain("RY801", "the community service withholds its problems, and the viewer says so");
        (await page.TextContentAsync("#via")).Should().Contain("$everything", "the facade declares Patient/$everything, so the viewer reads the record with it");
    }

    [Fact]
    public async Task StandaloneLaunch_SupplierFailing_ShowsTheRecordAndWarnsWhatIsMissing()
    {
        await using var browser = await fixture.NewPageAsync();
        await using (await fixture.InjectFaultAsync("microtest", "9990000050", statusCode: 503))
        {
            await fixture.LaunchStandaloneAsync(browser, "9990000050");
        }

        await ViewerFixture.ScreenshotAsync(browser, "failing-supplier");

        var page = browser.Page;
        (await page.GetAttributeAsync("body", "data-state")).Should().Be("record", browser.Describe());
        var warning = await page.Locator("[data-testid=gap-warning]").TextContentAsync();
        warning.Should().Contain("This record may be incomplete").And.Contain("Microtest Evolution").And.Contain("L83100");
        var heartFailure = page.Locator("[data-testid=problems-active] tr", new() { HasText = "Heart failure" });
        (await heartFailure.Locator("li.source").AllTextContentsAsync()).Should().Equal(["EMIS Web · A81002"], "the failing supplier's copy is not there to merge");
        (await page.Locator("#record li.source[data-supplier=microtest]").CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task StandaloneLaunch_DissentingPatient_SaysSoAndShowsNoData()
    {
        await using var browser = await fixture.NewPageAsync();

        await fixture.LaunchStandaloneAsync(browser, "9990000069");
        await ViewerFixture.ScreenshotAsync(browser, "dissent");

        var page = browser.Page;
        (await page.GetAttributeAsync("body", "data-state")).Should().Be("refused", browser.Describe());
        var refusal = page.Locator("[data-testid=refused] .refusal");
        (await refusal.TextContentAsync()).Should().Contain("asked for their GP record not to be shared");
        (await refusal.GetAttributeAsync("data-spine-code")).Should().Be("NO_PATIENT_CONSENT");
        (await page.Locator("[data-testid=banner]").IsVisibleAsync()).Should().BeFalse("no patient data is shown");
        (await page.Locator("#record").IsVisibleAsync()).Should().BeFalse();
        (await page.Locator("[data-testid=issues-table]").TextContentAsync()).Should().Contain("NO_PATIENT_CONSENT");
    }

    [Fact]
    public async Task StandaloneLaunch_ConfidentialItems_WarnsThatItemsAreWithheld()
    {
        await using var browser = await fixture.NewPageAsync();

        await fixture.LaunchStandaloneAsync(browser, "9990000085");
        await ViewerFixture.ScreenshotAsync(browser, "confidential-items");

        var page = browser.Page;
        (await page.GetAttributeAsync("body", "data-state")).Should().Be("record", browser.Describe());
        (await page.TextContentAsync("[data-testid=nhs-number]")).Should().Be("999 000 0085");
        (await page.Locator("[data-testid=gap-warning] li[data-spine-code=confidential-items]").CountAsync()).Should().BeGreaterThan(0);
        (await page.Locator("#record").TextContentAsync()).Should().NotContain("Chlamydia").And.NotContain("Doxycycline");
    }
}
