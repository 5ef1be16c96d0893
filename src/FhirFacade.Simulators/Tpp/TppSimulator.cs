using FhirFacade.Simulators.Faults;
using FhirFacade.Simulators.Hosting;
using FhirFacade.Simulators.World;

namespace FhirFacade.Simulators.Tpp;

/// <summary>The simulated SystmOne JSON query API (docs/suppliers/tpp.md).</summary>
public sealed class TppSimulator : ISupplierSimulator
{
    private readonly HttpSimulatorHost _host;

    private TppSimulator(TppSimulatorOptions options)
    {
        ApiKey = options.ApiKey;
        _host = new HttpSimulatorHost(options.Port, options.MaxHang, app => TppEndpoints.Map(app, this));
    }

    public SupplierKind Supplier => SupplierKind.Tpp;

    /// <summary>Base address; the query endpoint is <c>POST api/v2/query</c>.</summary>
    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>The API key to send in the <c>X-TPP-Api-Key</c> header.</summary>
    public string ApiKey { get; }

    public FaultController Faults => _host.Faults;

    public bool IsListening => _host.IsListening;

    internal HttpSimulatorHost Host => _host;

    public static async Task<TppSimulator> StartAsync(TppSimulatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var simulator = new TppSimulator(options);
        await simulator._host.StartAsync(cancellationToken);
        return simulator;
    }

    public Task ApplyFaultAsync(FaultSpec fault, CancellationToken cancellationToken) => _host.ApplyFaultAsync(fault, cancellationToken);

    public Task ClearFaultsAsync(CancellationToken cancellationToken) => _host.ClearFaultsAsync(cancellationToken);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
