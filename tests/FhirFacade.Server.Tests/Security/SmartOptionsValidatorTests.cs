using FhirFacade.Server.DevAuthorization;
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
        }

        var sut = new SmartOptionsValidator(Options.Create(new DevAuthorizationOptions { Enabled = devIssuer }), simulators);

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
        var sut = new SmartOptionsValidator(Options.Create(new DevAuthorizationOptions { Enabled = true }), embeddedSimulatorsEnabled: true);

        var result = sut.Validate(name: null, options);

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("Smart:JwksFile");
    }
}
