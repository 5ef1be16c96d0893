using System.Net;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Options;

namespace FhirFacade.Server.IntegrationTests.DevAuthorization;

/// <summary>
/// Where the development issuer will send a browser and a code. A public client's registered loopback
/// redirect URI works on any port (RFC 8252 section 7.3) with the same scheme, host, path and query; anything
/// else must be registered exactly; a refused URI is answered on the spot, never redirected to. A
/// non-loopback redirect URI must be https: the server does not start with an http one registered.
/// </summary>
[Collection(DevIssuerCollection.Name)]
[Trait("Category", "Integration")]
public sealed class RedirectUriTests(DevIssuerFactory factory)
{
    public static TheoryData<string, string> Accepted() => new()
    {
        { DevIssuerClient.Viewer, "http://127.0.0.1:5080/viewer/" },
        { DevIssuerClient.Viewer, "http://127.0.0.1:49731/viewer/" },
        { DevIssuerClient.Viewer, "http://127.0.0.1/viewer/" },
        { DevIssuerClient.Viewer, "http://localhost:3000/viewer/" },
        { DevIssuerClient.Viewer, "http://[::1]:8081/viewer/" },
        { "demo-app", "http://localhost:8080/callback" },
        { "demo-app", "http://localhost:9/callback" },
        { "demo-client", "http://127.0.0.1:5080/callback" },
        { DevIssuerFactory.HttpsApp, DevIssuerFactory.HttpsRedirect },
    };

    public static TheoryData<string, string> Refused() => new()
    {
        { DevIssuerClient.Viewer, "http://127.0.0.1:49731/other/" },
        { DevIssuerClient.Viewer, "http://127.0.0.1:49731/viewer" },
        { DevIssuerClient.Viewer, "http://127.0.0.1:49731/viewer/?next=x" },
        { DevIssuerClient.Viewer, "http://127.0.0.1:49731/viewer/#frag" },
        { DevIssuerClient.Viewer, "https://127.0.0.1:49731/viewer/" },
        { DevIssuerClient.Viewer, "http://127.0.0.2:49731/viewer/" },
        { DevIssuerClient.Viewer, "http://localhost.evil.example:49731/viewer/" },
        { DevIssuerClient.Viewer, "http://127.0.0.1@evil.example/viewer/" },
        { DevIssuerClient.Viewer, "http://user@127.0.0.1:49731/viewer/" },
        { DevIssuerClient.Viewer, "https://evil.example/viewer/" },
        { DevIssuerClient.Viewer, "/viewer/" },
        { DevIssuerClient.Viewer, string.Empty },
        { "demo-client", "http://127.0.0.1:5081/callback" },
        { DevIssuerFactory.HttpsApp, "http://app.example.org/cb" },
        { DevIssuerFactory.HttpsApp, "https://app.example.org/cb2" },
        { "no-such-client", "http://127.0.0.1:5080/viewer/" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task Authorize_RedirectUriTheClientMayUse_ShowsTheApprovalPageAndRedirectsThere(string clientId, string redirectUri)
    {
        using var app = new DevIssuerClient(factory);
        var parameters = app.Request(clientId, redirectUri, clientId == "demo-client" ? "user/*.rs" : "openid");

        using var page = await app.AuthorizeAsync(parameters);
        using var approval = await app.ApproveAsync(parameters);

        page.StatusCode.Should().Be(HttpStatusCode.OK, await page.Content.ReadAsStringAsync());
        approval.StatusCode.Should().Be(HttpStatusCode.Redirect);
        approval.Headers.Location!.GetLeftPart(UriPartial.Path).Should().Be(new Uri(redirectUri).GetLeftPart(UriPartial.Path));
        approval.Headers.Location.Port.Should().Be(new Uri(redirectUri).Port, "the code goes back to the port the app listens on");
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Authorize_RedirectUriNotRegistered_IsAnsweredHereAndNeverRedirected(string clientId, string redirectUri)
    {
        using var app = new DevIssuerClient(factory);
        var parameters = app.Request(clientId, redirectUri, "openid");

        using var page = await app.AuthorizeAsync(parameters);
        using var approval = await app.ApproveAsync(parameters);

        page.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        page.Headers.Location.Should().BeNull();
        (await page.Content.ReadAsStringAsync()).Should().Contain("redirect_uri");
        approval.StatusCode.Should().Be(HttpStatusCode.BadRequest, "the approval form is checked again");
        approval.Headers.Location.Should().BeNull();
    }

    [Fact]
    public async Task Token_RedirectUriOtherThanTheAuthorizationRequests_IsInvalidGrant()
    {
        using var app = new DevIssuerClient(factory);
        var parameters = app.Request(DevIssuerClient.Viewer, "http://127.0.0.1:40001/viewer/", "openid");
        using var approval = await app.ApproveAsync(parameters);

        var (status, body) = await app.RedeemAsync(DevIssuerClient.Viewer, DevIssuerClient.QueryValue(approval.Headers.Location!, "code")!, "http://127.0.0.1:40002/viewer/");

        status.Should().Be(HttpStatusCode.BadRequest);
        body.GetProperty("error").GetString().Should().Be("invalid_grant");
    }

    [Theory]
    [InlineData("http://app.example.org/cb", "only loopback redirect URIs may be http")]
    [InlineData("https://app.example.org/cb#top", "has a fragment")]
    [InlineData("/callback", "is not an absolute http or https URI")]
    public void Start_ClientWithARedirectUriItCannotUse_RefusesToStart(string redirectUri, string message)
    {
        using var server = new OverriddenFactory(new Dictionary<string, string?>
        {
            ["DevAuthorization:Clients:3:ClientId"] = "bad-app",
            ["DevAuthorization:Clients:3:RedirectUris:0"] = redirectUri,
        });

        var start = () => server.Server;

        start.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("bad-app").And.Contain(message);
    }

    [Fact]
    public void Start_DefaultScopeNotAllowed_RefusesToStart()
    {
        using var server = new OverriddenFactory(new Dictionary<string, string?>
        {
            ["DevAuthorization:Clients:3:ClientId"] = "greedy-app",
            ["DevAuthorization:Clients:3:AllowedScopes:0"] = "patient/*.rs",
            ["DevAuthorization:Clients:3:DefaultScopes:0"] = "system/*.rs",
        });

        var start = () => server.Server;

        start.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("greedy-app").And.Contain("system/*.rs");
    }

    private sealed class OverriddenFactory(Dictionary<string, string?> settings) : FacadeServerFactory
    {
        protected override Dictionary<string, string?> Settings => settings;
    }
}
