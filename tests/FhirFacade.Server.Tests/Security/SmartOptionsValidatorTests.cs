using FhirFacade.Server.DevAuthorization;
using FhirFacade.Server.Hosting;
using FhirFacade.Server.Security;
using Microsoft.Extensions.Options;

namespace FhirFacade.Server.Tests.Security;

[Trait("Category", "Unit")]
public sealed class SmartOptionsValidatorTests
{
    public static TheoryData<string, bool, bool, string?> Configurations() => new()
    {
        // case, development issuer on, embedded simulators on, expected failure (null = starts)
        { "embedded default", true, true, null },
        { "development issuer in front of real suppliers", true, false, "may only front the simulated suppliers" },
        { "development issuer beside a real issuer", true, true, "set DevAuthorization:Enabled=false wherever a real issuer is configured" },
        { "real issuer, real suppliers", false, false, null },
        { "real issuer, simulated suppliers", false, true, null },
        { "no issuer at all", false, false, "Smart:Issuer must name the token issuer" },
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Validate_Configuration_StartsOnlyWhenNoIssuerCanMintTokensForRealRecords(string kind, bool devIssuer, bool simulators, string? expectedFailure)
    {
        var options = new SmartOptions();
        if (kind is "development issuer beside a real issuer" or "real issuer, real suppliers" or "real issuer, simulated suppliers")
        {
            options.Issuer = "https://auth.example.nhs.uk";
            options.JwksUrl = new Uri("https://auth.example.nhs.uk/.well-known/jwks.json");
            options.Audience = "https://facade.example.nhs.uk/fhir";
        }

        var sut = CreateSut(devIssuer, simulators);

        var result = sut.Validate(name: null, options);

        if (expectedFailure is null)
        {
            result.Succeeded.Should().BeTrue(kind);
        }
        else
        {
            result.Failed.Should().BeTrue(kind);
            result.FailureMessage.Should().Contain(expectedFailure, kind);
        }
    }

    [Fact]
    public void Validate_DevelopmentIssuerWithAJwksFileOnly_Fails()
    {
        var options = new SmartOptions { JwksFile = "/etc/fhirfacade/jwks.json" };
        var sut = CreateSut(devIssuer: true, simulators: true);

        var result = sut.Validate(name: null, options);

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("Smart:JwksFile");
    }

    public static TheoryData<string, string?, string?, string?, string?> Audiences() => new()
    {
        // case, Smart:Audience, Facade:Server:PublicBaseUrl, listen URLs, expected failure (null = starts)
        { "real issuer, audience configured", "https://facade.example.nhs.uk/fhir", null, "http://127.0.0.1:8080", null },
        { "real issuer, public base URL configured", null, "https://facade.example.nhs.uk/fhir", "http://127.0.0.1:8080", null },
        { "real issuer, neither: the listen URL is not enough", null, null, "http://127.0.0.1:8080", "Smart:Audience or Facade:Server:PublicBaseUrl must name this server's public FHIR base URL" },
        { "real issuer, neither and no listen URL", null, null, null, "Smart:Audience or Facade:Server:PublicBaseUrl" },
    };

    [Theory]
    [MemberData(nameof(Audiences))]
    public void Validate_RealIssuer_StartsOnlyWithAConfiguredAudience(string kind, string? audience, string? publicBaseUrl, string? listenUrls, string? expectedFailure)
    {
        var options = new SmartOptions
        {
            Issuer = "https://auth.example.nhs.uk",
            JwksUrl = new Uri("https://auth.example.nhs.uk/.well-known/jwks.json"),
            Audience = audience,
        };
        var sut = CreateSut(devIssuer: false, simulators: false, publicBaseUrl, listenUrls);

        var result = sut.Validate(name: null, options);

        Check(result, kind, expectedFailure);
    }

    public static TheoryData<string, string?, string?> EmbeddedDefaultListenUrls() => new()
    {
        // case, listen URLs, expected failure (null = starts, with the listen URL as the audience's root)
        { "appsettings.json", "http://127.0.0.1:5080", null },
        { "several listen URLs: the first", "http://localhost:5080;http://127.0.0.1:5081", null },
        { "no listen URL", null, "no listen URL (Urls) is configured" },
        { "any IPv4 address", "http://0.0.0.0:5080", "does not name one host and a fixed port" },
        { "any IPv6 address", "http://[::]:5080", "does not name one host and a fixed port" },
        { "wildcard host", "http://*:5080", "does not name one host and a fixed port" },
        { "dynamic port", "http://127.0.0.1:0", "does not name one host and a fixed port" },
    };

    [Theory]
    [MemberData(nameof(EmbeddedDefaultListenUrls))]
    public void Validate_EmbeddedDefaultWithoutPublicUrl_NeedsAListenUrlWithHostAndPort(string kind, string? listenUrls, string? expectedFailure)
    {
        var sut = CreateSut(devIssuer: true, simulators: true, publicBaseUrl: null, listenUrls);

        var result = sut.Validate(name: null, new SmartOptions());

        Check(result, kind, expectedFailure);
        if (expectedFailure is not null)
        {
            result.FailureMessage.Should().Contain("Facade:Server:PublicBaseUrl", kind);
        }
    }

    private static void Check(ValidateOptionsResult result, string kind, string? expectedFailure)
    {
        if (expectedFailure is null)
        {
            result.Succeeded.Should().BeTrue(kind);
        }
        else
        {
            result.Failed.Should().BeTrue(kind);
            result.FailureMessage.Should().Contain(expectedFailure, kind);
        }
    }

    private static SmartOptionsValidator CreateSut(bool devIssuer, bool simulators, string? publicBaseUrl = null, string? listenUrls = "http://127.0.0.1:5080") => new(
        Options.Create(new DevAuthorizationOptions { Enabled = devIssuer }),
        simulators,
        Options.Create(new FacadeServerOptions { PublicBaseUrl = publicBaseUrl is null ? null : new Uri(publicBaseUrl) }),
        listenUrls);
}
