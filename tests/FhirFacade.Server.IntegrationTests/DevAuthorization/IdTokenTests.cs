using System.Net;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FhirFacade.Server.IntegrationTests.DevAuthorization;

/// <summary>
/// OpenID Connect on the development issuer: the discovery document, and the <c>id_token</c> a launch with
/// <c>openid fhirUser</c> gets — verified here the way a client verifies it, with the key the discovery
/// document's <c>jwks_uri</c> serves.
/// </summary>
[Collection(DevIssuerCollection.Name)]
[Trait("Category", "Integration")]
public sealed class IdTokenTests(DevIssuerFactory factory)
{
    [Theory]
    [InlineData("/dev-auth/.well-known/openid-configuration")]
    [InlineData("/.well-known/openid-configuration")]
    public async Task OpenIdConfiguration_WithoutAToken_NamesTheIssuerItsEndpointsAndKeys(string path)
    {
        using var client = factory.CreateAnonymousClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        using var smart = JsonDocument.Parse(await client.GetStringAsync(new Uri("/.well-known/smart-configuration", UriKind.Relative)));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var configuration = document.RootElement;
        configuration.GetProperty("issuer").GetString().Should().Be(DevIssuerClient.Issuer).And.Be(smart.RootElement.GetProperty("issuer").GetString());
        configuration.GetProperty("authorization_endpoint").GetString().Should().Be(smart.RootElement.GetProperty("authorization_endpoint").GetString());
        configuration.GetProperty("token_endpoint").GetString().Should().Be(smart.RootElement.GetProperty("token_endpoint").GetString());
        configuration.GetProperty("jwks_uri").GetString().Should().Be(DevIssuerClient.Issuer + "/jwks.json");
        Strings(configuration, "id_token_signing_alg_values_supported").Should().Equal("RS256");
        Strings(configuration, "response_types_supported").Should().Equal("code");
        Strings(configuration, "subject_types_supported").Should().Equal("public");
        Strings(configuration, "code_challenge_methods_supported").Should().Equal("S256");
        Strings(configuration, "scopes_supported").Should().Contain(["openid", "fhirUser", "launch", "launch/patient"]);
        Strings(configuration, "claims_supported").Should().Contain(["iss", "sub", "aud", "exp", "iat", "nonce", "fhirUser"]);
    }

    [Fact]
    public async Task Launch_OpenIdFhirUserWithNonce_IdTokenIsSignedAndCarriesTheUser()
    {
        using var app = new DevIssuerClient(factory);
        var patient = (await PickerAsync(app))[0].Id;
        var before = TimeProvider.System.GetUtcNow().AddSeconds(-5).ToUnixTimeSeconds();

        var (status, token) = await app.LaunchAndRedeemAsync(DevIssuerClient.Viewer, DevIssuerClient.ViewerRedirect, "launch/patient openid fhirUser patient/Patient.rs", patient, nonce: "n-0S6_WzA2Mj");
        var validated = await ValidateAsync(app, token.GetProperty("id_token").GetString()!, DevIssuerClient.Viewer);

        status.Should().Be(HttpStatusCode.OK);
        validated.IsValid.Should().BeTrue(validated.Exception?.Message);
        var jwt = (JsonWebToken)validated.SecurityToken;
        jwt.Alg.Should().Be("RS256");
        jwt.Issuer.Should().Be(DevIssuerClient.Issuer);
        jwt.Audiences.Should().Equal(DevIssuerClient.Viewer);
        jwt.Subject.Should().Be("Practitioner/dev-clinician");
        jwt.GetClaim("fhirUser").Value.Should().Be("Practitioner/dev-clinician");
        jwt.GetClaim("nonce").Value.Should().Be("n-0S6_WzA2Mj");
        jwt.IssuedAt.Should().BeAfter(DateTimeOffset.FromUnixTimeSeconds(before).UtcDateTime);
        jwt.ValidTo.Should().BeAfter(jwt.IssuedAt);
        jwt.TryGetClaim("patient", out _).Should().BeFalse("launch context is in the token response, not the identity");
        var access = new JsonWebToken(token.GetProperty("access_token").GetString());
        access.Subject.Should().Be(jwt.Subject, "the id token speaks of the same user as the access token");
    }

    [Fact]
    public async Task Launch_OpenIdWithoutFhirUserOrNonce_IdTokenHasNeither()
    {
        using var app = new DevIssuerClient(factory);
        var patient = (await PickerAsync(app))[0].Id;

        var (_, token) = await app.LaunchAndRedeemAsync(DevIssuerClient.Viewer, DevIssuerClient.ViewerRedirect, "launch/patient openid patient/Patient.rs", patient);
        var jwt = new JsonWebToken(token.GetProperty("id_token").GetString());

        jwt.TryGetClaim("fhirUser", out _).Should().BeFalse();
        jwt.TryGetClaim("nonce", out _).Should().BeFalse();
        jwt.Subject.Should().Be("Practitioner/dev-clinician");
    }

    [Fact]
    public async Task Launch_WithoutOpenId_GivesNoIdToken()
    {
        using var app = new DevIssuerClient(factory);
        var patient = (await PickerAsync(app))[0].Id;

        var (_, token) = await app.LaunchAndRedeemAsync(DevIssuerClient.Viewer, DevIssuerClient.ViewerRedirect, "launch/patient fhirUser patient/Patient.rs", patient);

        token.TryGetProperty("id_token", out _).Should().BeFalse();
        token.TryGetProperty("access_token", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Launch_IdTokenForAnotherAudience_FailsValidation()
    {
        using var app = new DevIssuerClient(factory);
        var patient = (await PickerAsync(app))[0].Id;

        var (_, token) = await app.LaunchAndRedeemAsync(DevIssuerClient.Viewer, DevIssuerClient.ViewerRedirect, "launch/patient openid fhirUser", patient);
        var validated = await ValidateAsync(app, token.GetProperty("id_token").GetString()!, "demo-app");

        validated.IsValid.Should().BeFalse("aud is the client the id token was issued to");
    }

    private static async Task<IReadOnlyList<DevIssuerClient.PickerEntry>> PickerAsync(DevIssuerClient app)
    {
        using var page = await app.AuthorizeAsync(app.Request(DevIssuerClient.Viewer, DevIssuerClient.ViewerRedirect, "launch/patient"));
        return DevIssuerClient.Picker(await page.Content.ReadAsStringAsync());
    }

    // As a client does it: the keys from the discovery document's jwks_uri, RS256 only, issuer and audience checked.
    private static async Task<TokenValidationResult> ValidateAsync(DevIssuerClient app, string idToken, string audience)
    {
        using var configuration = JsonDocument.Parse(await app.Http.GetStringAsync(new Uri("/dev-auth/.well-known/openid-configuration", UriKind.Relative)));
        var jwksPath = new Uri(configuration.RootElement.GetProperty("jwks_uri").GetString()!).AbsolutePath;
        var keys = new JsonWebKeySet(await app.Http.GetStringAsync(new Uri(jwksPath, UriKind.Relative)));
        return await new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = configuration.RootElement.GetProperty("issuer").GetString(),
            ValidAudience = audience,
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidAlgorithms = ["RS256"],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
        });
    }

    private static List<string> Strings(JsonElement element, string name) =>
        [.. element.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];
}
