using System.Net;
using FhirFacade.Simulators.Hosting;
using FhirFacade.TestKit.Server;

namespace FhirFacade.Server.IntegrationTests.Hosting;

/// <summary>
/// Issue #16 item 5: the production server (<c>src/FhirFacade.Server</c>, no simulators in it) as a process of its own,
/// started from configuration alone. With an organisation directory and a real issuer configured, it is ready and
/// serves; with no directory it refuses to start with one message. The supplier backend here is a simulator the test
/// starts itself, configured as any real endpoint would be. Bounded: each start waits at most 120 s.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ProductionServerTests
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(120);

    private static Dictionary<string, string> RealIssuer(string auditPath) => new()
    {
        ["Smart:Issuer"] = "https://auth.example.nhs.uk",
        ["Smart:JwksUrl"] = "https://auth.example.nhs.uk/.well-known/jwks.json",
        ["Smart:Audience"] = "https://facade.example.nhs.uk/fhir",
        ["Audit:SqlitePath"] = auditPath,
    };

    [Fact]
    public async Task Start_DirectoryAndIssuerFromConfiguration_IsReadyWithoutTheDevelopmentIssuer()
    {
        using var timeout = new CancellationTokenSource(StartBound + TimeSpan.FromSeconds(60));
        await using var emis = await SimulatorCluster.StartAsync(new SimulatorClusterOptions(), timeout.Token);
        var auditFolder = Directory.CreateTempSubdirectory("ffaudit-production-").FullName;
        try
        {
            var settings = RealIssuer(Path.Combine(auditFolder, "audit.db"));
            settings["Facade:Organisations:0:OdsCode"] = "A81001";
            settings["Facade:Organisations:0:Name"] = "Riverside Medical Practice";
            settings["Facade:Organisations:0:Supplier"] = "emis";
            settings["Facade:Organisations:0:Endpoint"] = emis.Emis.BaseAddress.AbsoluteUri;
            settings["Suppliers:Emis:ApiKey"] = emis.Emis.ApiKey;

            await using (var server = await FacadeProcess.StartAsync(
                new FacadeProcessOptions { Host = FacadeProcessOptions.ProductionServer, Settings = settings, StartBound = StartBound },
                timeout.Token))
            {
                using var client = new HttpClient { BaseAddress = server.BaseAddress };
                using var metadata = await client.GetAsync(new Uri("/fhir/metadata", UriKind.Relative), timeout.Token);
                using var search = await client.GetAsync(new Uri("/fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9990000018", UriKind.Relative), timeout.Token);
                using var devToken = await client.PostAsync(new Uri("/dev-auth/token", UriKind.Relative), new FormUrlEncodedContent([]), timeout.Token);

                metadata.StatusCode.Should().Be(HttpStatusCode.OK, "the production server is ready (its directory resolved) and serves");
                search.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the configured issuer's tokens are required");
                devToken.StatusCode.Should().Be(HttpStatusCode.NotFound, "the production server has no development issuer");
                server.Output.Should().NotContain("Demo patients:").And.NotContain("Embedded emis simulator");
            }
        }
        finally
        {
            Directory.Delete(auditFolder, recursive: true);
        }
    }

    [Fact]
    public async Task Start_NoOrganisationDirectory_ExitsWithOneMessageNamingTheSettingAndTheDemo()
    {
        using var timeout = new CancellationTokenSource(StartBound);
        var auditFolder = Directory.CreateTempSubdirectory("ffaudit-production-").FullName;
        try
        {
            var start = async () => await (await FacadeProcess.StartAsync(
                new FacadeProcessOptions { Host = FacadeProcessOptions.ProductionServer, Settings = RealIssuer(Path.Combine(auditFolder, "audit.db")), StartBound = StartBound },
                timeout.Token)).DisposeAsync();

            var text = (await start.Should().ThrowAsync<FacadeProcessStartException>()).Which.Message;
            text.Should().Contain("exited during start-up with code 1")
                .And.Contain("FhirFacade cannot start: Facade:Organisations is empty")
                .And.Contain("appsettings.Production.example.json")
                .And.Contain("dotnet run --project src/FhirFacade.Demo");
            text.Should().NotContain("   at ", "a missing directory is a message, not a stack trace");
        }
        finally
        {
            Directory.Delete(auditFolder, recursive: true);
        }
    }
}
