using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.TestKit.Server;
using Microsoft.Extensions.Options;

namespace FhirFacade.Server.IntegrationTests.Hosting;

/// <summary>
/// The demo host's settings (appsettings.demo.json) turn the development issuer on; the production server has no
/// simulated suppliers at all. A deployment
/// that forgets to turn it off must not start, because the development issuer mints a token for
/// anyone who knows its demo secrets.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DevelopmentIssuerGuardTests
{
    [Fact]
    public void Start_DevelopmentIssuerBesideARealIssuer_RefusesToStart()
    {
        using var factory = new OverriddenFactory(new Dictionary<string, string?> { ["Smart:Issuer"] = "https://auth.example.nhs.uk" });

        var start = () => factory.Server;

        start.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("wherever a real issuer is configured");
    }

    [Fact]
    public async Task Start_DevelopmentIssuerInFrontOfRealSuppliers_ExitsWithTheReason()
    {
        // The real process, as deployed: the simulators switched off, the development issuer left on.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var settings = new Dictionary<string, string>
        {
            ["Facade:EmbeddedSimulators:Enabled"] = "false",
            ["Audit:SqlitePath"] = Path.Combine(Path.GetTempPath(), "ffaudit-guard-" + Guid.NewGuid().ToString("N")[..12] + ".db"),
        };

        var start = async () => await (await FacadeProcess.StartAsync(settings, timeout.Token)).DisposeAsync();

        (await start.Should().ThrowAsync<InvalidOperationException>())
            .Which.Message.Should().Contain("exited during start-up").And.Contain("may only front the simulated suppliers");
    }

    private sealed class OverriddenFactory(Dictionary<string, string?> settings) : FacadeServerFactory
    {
        protected override Dictionary<string, string?> Settings => settings;
    }
}
