using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;

namespace FhirFacade.Server.IntegrationTests.DevAuthorization;

/// <summary>
/// A token request that names no scope gets the client's configured default scopes — never every scope the
/// client may have (which for the demo clinician includes the audit trail and <c>system/*</c>) — and a
/// client with no defaults is refused.
/// </summary>
[Collection(DevIssuerCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ScopeDefaultTests(DevIssuerFactory factory)
{
    [Fact]
    public async Task ClientCredentials_WithoutScope_GetsTheClientDefaultsOnly()
    {
        using var app = new DevIssuerClient(factory);

        var (status, token) = await app.ClientCredentialsAsync("demo-client", "demo-secret", scope: null);

        status.Should().Be(HttpStatusCode.OK, token.ToString());
        token.GetProperty("scope").GetString().Should().Be("user/*.rs");
        new JsonWebToken(token.GetProperty("access_token").GetString()).GetClaim("scope").Value.Should().Be("user/*.rs")
            .And.NotContain("AuditEvent").And.NotContain("system/");
    }

    [Fact]
    public async Task ClientCredentials_ClientWithoutDefaults_WithoutScope_IsInvalidScope()
    {
        using var app = new DevIssuerClient(factory);

        var (status, body) = await app.ClientCredentialsAsync(DevIssuerFactory.NoDefaultsClient, DevIssuerFactory.NoDefaultsSecret, scope: null);

        status.Should().Be(HttpStatusCode.BadRequest);
        body.GetProperty("error").GetString().Should().Be("invalid_scope");
        body.TryGetProperty("access_token", out _).Should().BeFalse();
    }

    [Fact]
    public async Task ClientCredentials_ExplicitAllowedScope_IsGrantedAsAsked()
    {
        using var app = new DevIssuerClient(factory);

        var (status, token) = await app.ClientCredentialsAsync("demo-client", "demo-secret", "user/AuditEvent.rs");

        status.Should().Be(HttpStatusCode.OK);
        token.GetProperty("scope").GetString().Should().Be("user/AuditEvent.rs");
    }

    [Fact]
    public async Task Launch_WithoutScope_GetsTheViewerDefaults()
    {
        using var app = new DevIssuerClient(factory);
        using var page = await app.AuthorizeAsync(app.Request(DevIssuerClient.Viewer, DevIssuerClient.ViewerRedirect, scope: null));
        var patient = DevIssuerClient.Picker(await page.Content.ReadAsStringAsync())[0].Id;

        var (status, token) = await app.LaunchAndRedeemAsync(DevIssuerClient.Viewer, DevIssuerClient.ViewerRedirect, scope: null, patient);

        status.Should().Be(HttpStatusCode.OK, token.ToString());
        token.GetProperty("scope").GetString()!.Split(' ').Should().BeEquivalentTo(
            ["launch/patient", "patient/Patient.rs", "patient/MedicationStatement.rs", "patient/Medication.rs", "patient/AllergyIntolerance.rs", "patient/Condition.rs"]);
        token.GetProperty("patient").GetString().Should().Be(patient);
    }

    [Fact]
    public async Task Authorize_ScopeTheClientMayNotHave_IsInvalidScope()
    {
        using var app = new DevIssuerClient(factory);

        using var page = await app.AuthorizeAsync(app.Request(DevIssuerClient.Viewer, DevIssuerClient.ViewerRedirect, "launch/patient user/AuditEvent.rs"));

        page.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await page.Content.ReadAsStringAsync()).Should().Contain("invalid_scope");
    }
}
