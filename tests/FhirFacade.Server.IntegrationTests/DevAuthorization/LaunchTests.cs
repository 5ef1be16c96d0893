using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FhirFacade.TestKit.Server;

namespace FhirFacade.Server.IntegrationTests.DevAuthorization;

/// <summary>
/// SMART App Launch against the development issuer, as an app does it over HTTP: standalone (the user
/// picks the patient) and EHR launch (the issuer's launch page creates an opaque launch id that carries
/// the patient), each ending in a token the resource server accepts for that patient only.
/// </summary>
[Collection(DevIssuerCollection.Name)]
[Trait("Category", "Integration")]
public sealed class LaunchTests(DevIssuerFactory factory)
{
    private const string ViewerScope = "launch/patient openid fhirUser patient/Patient.rs patient/Condition.rs";
    private const string EhrScope = "launch openid fhirUser patient/Patient.rs patient/Condition.rs";

    private static readonly string EmisRichId = TestResourceIds.Encode("Patient", "emis", "A81001", "9990000018");
    private static readonly string ConfidentialItemsId = TestResourceIds.Encode("Patient", "emis", "A81002", "9990000085");

    [Fact]
    public async Task Standalone_ViewerPicksAPatient_TokenCarriesThePatientAndAsksForABanner()
    {
        using var app = new DevIssuerClient(factory);

        var (status, token) = await app.LaunchAndRedeemAsync(DevIssuerClient.Viewer, DevIssuerClient.ViewerRedirect, ViewerScope, patient: EmisRichId);

        status.Should().Be(HttpStatusCode.OK, token.ToString());
        token.GetProperty("patient").GetString().Should().Be(EmisRichId);
        token.GetProperty("need_patient_banner").GetBoolean().Should().BeTrue("a standalone app shows its own patient banner");
        token.GetProperty("scope").GetString()!.Split(' ').Should().BeEquivalentTo(ViewerScope.Split(' '));
        (await ReadAsync(token, EmisRichId)).Should().Be(HttpStatusCode.OK);
        (await ReadAsync(token, ConfidentialItemsId)).Should().Be(HttpStatusCode.NotFound, "the token is confined to the launch patient");
    }

    [Fact]
    public async Task Standalone_PatientNotOffered_IsRefusedWithoutACode()
    {
        using var app = new DevIssuerClient(factory);
        var parameters = app.Request(DevIssuerClient.Viewer, DevIssuerClient.ViewerRedirect, ViewerScope);

        using var approval = await app.ApproveAsync(parameters, TestResourceIds.Encode("Patient", "emis", "A81001", "9000000009"));

        approval.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        approval.Headers.Location.Should().BeNull();
    }

    [Fact]
    public async Task EhrLaunch_LaunchPageRedirectsToTheAppWithIssAndAnOpaqueLaunchId()
    {
        using var ehr = new DevIssuerClient(factory);

        using var launched = await ehr.LaunchAsync(DevIssuerClient.Viewer, ConfidentialItemsId);

        launched.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var location = launched.Headers.Location!;
        location.GetLeftPart(UriPartial.Path).Should().Be("http://localhost/viewer/", "the viewer's LaunchUrl is a path on this server");
        DevIssuerClient.QueryValue(location, "iss").Should().Be(DevIssuerClient.Audience);
        var launch = DevIssuerClient.QueryValue(location, "launch");
        launch.Should().NotBeNullOrEmpty().And.NotContain("9990000085").And.NotContain(ConfidentialItemsId, "the launch id is opaque");
    }

    [Fact]
    public async Task EhrLaunch_AppAuthorizesWithTheLaunch_TokenCarriesTheLaunchPatientWithoutAPicker()
    {
        using var app = new DevIssuerClient(factory);
        var launch = await LaunchIdAsync(app, DevIssuerClient.Viewer, ConfidentialItemsId);
        var parameters = app.Request(DevIssuerClient.Viewer, DevIssuerClient.ViewerRedirect, EhrScope, launch);
        using var page = await app.AuthorizeAsync(parameters);
        var html = await page.Content.ReadAsStringAsync();

        using var approval = await app.ApproveAsync(parameters);
        var (status, token) = await app.RedeemAsync(DevIssuerClient.Viewer, DevIssuerClient.QueryValue(approval.Headers.Location!, "code")!, DevIssuerClient.ViewerRedirect);

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        DevIssuerClient.Picker(html).Should().BeEmpty("the EHR chose the patient");
        html.Should().Contain("9990000085", "the approval page names the launch patient");
        status.Should().Be(HttpStatusCode.OK, token.ToString());
        token.GetProperty("patient").GetString().Should().Be(ConfidentialItemsId);
        token.GetProperty("need_patient_banner").GetBoolean().Should().BeFalse("the EHR shows the patient banner around an app it launched");
        (await ReadAsync(token, ConfidentialItemsId)).Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task EhrLaunch_LaunchIdUsedTwice_SecondApprovalIsRefused()
    {
        using var app = new DevIssuerClient(factory);
        var launch = await LaunchIdAsync(app, DevIssuerClient.Viewer, EmisRichId);
        var parameters = app.Request(DevIssuerClient.Viewer, DevIssuerClient.ViewerRedirect, EhrScope, launch);

        using var first = await app.ApproveAsync(parameters);
        using var second = await app.ApproveAsync(parameters);

        first.StatusCode.Should().Be(HttpStatusCode.Redirect);
        second.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        second.Headers.Location.Should().BeNull();
    }

    [Fact]
    public async Task EhrLaunch_LaunchOfAnotherClient_IsRefused()
    {
        using var app = new DevIssuerClient(factory);
        var launch = await LaunchIdAsync(app, DevIssuerFactory.HttpsApp, EmisRichId);

        using var page = await app.AuthorizeAsync(app.Request(DevIssuerClient.Viewer, DevIssuerClient.ViewerRedirect, EhrScope, launch));

        page.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await page.Content.ReadAsStringAsync()).Should().Contain("another client");
    }

    [Theory]
    [InlineData(EhrScope, "never-issued", "unknown")]
    [InlineData(ViewerScope, "LAUNCH", "needs the launch scope")]
    [InlineData(EhrScope, null, "needs the launch parameter")]
    public async Task Authorize_LaunchParameterAndScopeDisagree_IsRefused(string scope, string? launch, string message)
    {
        using var app = new DevIssuerClient(factory);
        if (launch == "LAUNCH")
        {
            launch = await LaunchIdAsync(app, DevIssuerClient.Viewer, EmisRichId);
        }

        using var page = await app.AuthorizeAsync(app.Request(DevIssuerClient.Viewer, DevIssuerClient.ViewerRedirect, scope, launch));

        page.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        page.Headers.Location.Should().BeNull();
        (await page.Content.ReadAsStringAsync()).Should().Contain(message);
    }

    [Fact]
    public async Task EhrLaunch_AbsoluteLaunchUrlWithQuery_KeepsItsQuery()
    {
        using var ehr = new DevIssuerClient(factory);

        using var launched = await ehr.LaunchAsync(DevIssuerFactory.HttpsApp, EmisRichId);

        launched.StatusCode.Should().Be(HttpStatusCode.Redirect);
        launched.Headers.Location!.GetLeftPart(UriPartial.Path).Should().Be("https://app.example.org/launch");
        DevIssuerClient.QueryValue(launched.Headers.Location, "x").Should().Be("1");
        DevIssuerClient.QueryValue(launched.Headers.Location, "iss").Should().Be(DevIssuerClient.Audience);
    }

    private static async Task<string> LaunchIdAsync(DevIssuerClient ehr, string clientId, string patient)
    {
        using var launched = await ehr.LaunchAsync(clientId, patient);
        launched.StatusCode.Should().Be(HttpStatusCode.Redirect, await launched.Content.ReadAsStringAsync());
        return DevIssuerClient.QueryValue(launched.Headers.Location!, "launch")!;
    }

    private async Task<HttpStatusCode> ReadAsync(JsonElement token, string patientId)
    {
        using var client = factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/fhir/Patient/" + patientId);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
