using FhirFacade.Simulators.Emis;
using FhirFacade.Simulators.Microtest;
using FhirFacade.Simulators.Tpp;
using FhirFacade.Simulators.Vision;
using FhirFacade.Simulators.World;

namespace FhirFacade.Simulators.Hosting;

/// <summary>
/// All simulated supplier backends, started in-process on 127.0.0.1. Dispose to stop them.
/// <code>
/// await using var cluster = await SimulatorCluster.StartAsync(new SimulatorClusterOptions(), ct);
/// var emisBase = cluster.Emis.BaseAddress; // + X-Api-Key: cluster.Emis.ApiKey
/// var vision = cluster.Vision.EndPoint;     // MLLP; MSH-8 = cluster.Vision.AccessKey
/// </code>
/// </summary>
public sealed class SimulatorCluster : IAsyncDisposable
{
    private SimulatorCluster(EmisSimulator emis, TppSimulator tpp, VisionSimulator vision, MicrotestSimulator microtest)
    {
        Emis = emis;
        Tpp = tpp;
        Vision = vision;
        Microtest = microtest;
    }

    public EmisSimulator Emis { get; }

    public TppSimulator Tpp { get; }

    public VisionSimulator Vision { get; }

    public MicrotestSimulator Microtest { get; }

    /// <summary>Every simulator, in the order EMIS, TPP, Vision, Microtest.</summary>
    public IReadOnlyList<ISupplierSimulator> All => [Emis, Tpp, Vision, Microtest];

    /// <summary>Starts every simulator.</summary>
    public static async Task<SimulatorCluster> StartAsync(SimulatorClusterOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var emis = await EmisSimulator.StartAsync(options.Emis, cancellationToken);
        var tpp = await TppSimulator.StartAsync(options.Tpp, cancellationToken);
        var vision = await VisionSimulator.StartAsync(options.Vision, cancellationToken);
        var microtest = await MicrotestSimulator.StartAsync(options.Microtest, cancellationToken);
        return new SimulatorCluster(emis, tpp, vision, microtest);
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
