using FhirFacade.Simulators.Emis;
using FhirFacade.Simulators.World;

namespace FhirFacade.Simulators.Hosting;

/// <summary>
/// All simulated supplier backends, started in-process on 127.0.0.1. Dispose to stop them.
/// <code>
/// await using var cluster = await SimulatorCluster.StartAsync(new SimulatorClusterOptions(), ct);
/// var emisBase = cluster.Emis.BaseAddress; // + X-Api-Key: cluster.Emis.ApiKey
/// </code>
/// </summary>
public sealed class SimulatorCluster : IAsyncDisposable
{
    private SimulatorCluster(EmisSimulator emis)
    {
        Emis = emis;
    }

    public EmisSimulator Emis { get; }

    /// <summary>Every simulator, in the order EMIS, TPP, Vision, Microtest.</summary>
    public IReadOnlyList<ISupplierSimulator> All => [Emis];

    /// <summary>Starts every simulator.</summary>
    public static async Task<SimulatorCluster> StartAsync(SimulatorClusterOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var emis = await EmisSimulator.StartAsync(options.Emis, cancellationToken);
        return new SimulatorCluster(emis);
    }

    /// <summary>The simulator of one supplier.</summary>
    public ISupplierSimulator Get(SupplierKind supplier) => All.First(s => s.Supplier == supplier);

    public async ValueTask DisposeAsync()
    {
        foreach (var simulator in All)
        {
            await simulator.DisposeAsync();
        }
    }
}
