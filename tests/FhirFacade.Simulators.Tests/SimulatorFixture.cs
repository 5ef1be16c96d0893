using FhirFacade.Simulators.Hosting;

namespace FhirFacade.Simulators.Tests;

/// <summary>One simulator cluster shared by a test class; tests that set faults use their own simulators.</summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    public SimulatorCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Cluster = await SimulatorCluster.StartAsync(new SimulatorClusterOptions(), timeout.Token);
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
