using Microsoft.Playwright;

namespace FhirFacade.Viewer.Tests;

/// <summary>
/// An EHR launch in the browser: the development issuer's launch page plays the EHR (app and patient
/// chosen there), opens the viewer with <c>iss</c> and an opaque <c>launch</c>, and the viewer gets the
/// launch patient without a picker and, as the EHR shows the banner, a compact one of its own.
/// </summary>
[Collection(ViewerCollection.Name)]
[Trait("Category", "Integration")]
public sealed class EhrLaunchBrowserTests(ViewerFixture fixture)
{
    [Fact]
    public async Task EhrLaunch_FromTheLaunchPage_ViewerShowsTheLaunchPatientWithACompactBanner()
    {
        await using var browser = await fixture.NewPageAsync();
        var page = browser.Page;

        await page.GotoAsync(fixture.Server.Root + "/dev-auth/launch");
        await page.GetByLabel("fhirfacade-viewer").CheckAsync();
        await page.GetByLabel("9990000123").CheckAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Launch" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/dev-auth/authorize", StringComparison.Ordinal));
        var launchUrl = page.Url;
        var offersPicker = await page.Locator("input[name=patient]").CountAsync();
        var approvalText = await page.Locator("#launch-patient").TextContentAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Approve" }).ClickAsync();
        await page.Locator("body:not([data-state='loading'])").WaitForAsync();
        await ViewerFixture.ScreenshotAsync(browser, "ehr-launch");

        launchUrl.Should().Contain("launch=");
        offersPicker.Should().Be(0, "the EHR chose the patient");
        approvalText.Should().Contain("9990000123");
        (await page.GetAttributeAsync("body", "data-state")).Should().Be("record", browser.Describe());
        (await page.TextContentAsync("[data-testid=nhs-number]")).Should().Be("999 000 0123");
        (await page.GetAttributeAsync("[data-testid=banner]", "class")).Should().Be("banner compact", "need_patient_banner is false after an EHR launch");
        (await page.Locator("[data-testid=allergies-resolved] tbody tr").CountAsync()).Should().BeGreaterThan(0);
    }
}
