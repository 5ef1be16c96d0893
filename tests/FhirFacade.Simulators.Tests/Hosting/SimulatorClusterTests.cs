using System.Net;
using FhirFacade.Simulators.Emis;
using FhirFacade.Simulators.Hosting;
using FhirFacade.Simulators.World;

namespace FhirFacade.Simulators.Tests.Hosting;

[Trait("Category", "Integration")]
public sealed class SimulatorClusterTests
{
    [Fact]
    public async Task StartAsync_StartsAllFourSuppliersOnLoopback()
    {
        await using var cluster = await SimulatorCluster.StartAsync(new SimulatorClusterOptions(), TestTimeout.Token());

        cluster.All.Select(s => s.Supplier).Should().Equal(SupplierKind.Emis, SupplierKind.Tpp, SupplierKind.Vision, SupplierKind.Microtest);
        cluster.All.Should().OnlyContain(s => s.IsListening);
        new[] { cluster.Emis.BaseAddress, cluster.Tpp.BaseAddress, cluster.Microtest.BaseAddress }
            .Should().OnlyContain(u => u.Host == "127.0.0.1" && u.Port > 0);
        cluster.Vision.EndPoint.Address.Should().Be(IPAddress.Loopback);
        cluster.Get(SupplierKind.Vision).Should().BeSameAs(cluster.Vision);
    }

    [Fact]
    public async Task StartAsync_WithConfiguredPortAndKey_UsesThem()
    {
        var port = FreePort();
        await using var emis = await EmisSimulator.StartAsync(new EmisSimulatorOptions { Port = port, ApiKey = "custom" }, TestTimeout.Token());
        using var client = new HttpClient { BaseAddress = emis.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", "custom");

        using var response = await client.GetAsync("api/patients/9990000018", TestTimeout.Token());

        emis.BaseAddress.Port.Should().Be(port);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DisposeAsync_StopsListening()
    {
        var cluster = await SimulatorCluster.StartAsync(new SimulatorClusterOptions(), TestTimeout.Token());
        var address = cluster.Emis.BaseAddress;

        await cluster.DisposeAsync();
        using var client = new HttpClient { BaseAddress = address };
        var act = () => client.GetAsync("api/patients/9990000018", TestTimeout.Token());

        await act.Should().ThrowAsync<HttpRequestException>();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
