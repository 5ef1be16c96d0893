using FhirFacade.Simulators.Faults;
using FhirFacade.Simulators.Hosting;
using FhirFacade.Simulators.World;

namespace FhirFacade.Simulators.Emis;

/// <summary>The simulated EMIS Web API: HTTP + XML, API key header (docs/suppliers/emis.md).</summary>
public sealed class EmisSimulator : ISupplierSimulator
{
    private readonly HttpSimulatorHost _host;

    private EmisSimulator(EmisSimulatorOptions options)
    {
        ApiKey = options.ApiKey;
        _host = new HttpSimulatorHost(options.Port, options.MaxHang, app => EmisEndpoints.Map(app, this));
    }

    public SupplierKind Supplier => SupplierKind.Emis;

    /// <summary>Base address, e.g. http://127.0.0.1:5123/ (endpoints live under /api/).</summary>
    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>The API key to send in the <c>X-Api-Key</c> header.</summary>
    public string ApiKey { get; }

    public FaultController Faults => _host.Faults;

    public bool IsListening => _host.IsListening;

    internal HttpSimulatorHost Host => _host;

    /// <summary>Starts the simulator on 127.0.0.1.</summary>
    public static async Task<EmisSimulator> StartAsync(EmisSimulatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var simulator = new EmisSimulator(options);
        await simulator._host.StartAsync(cancellationToken);
        return simulator;
    }

    public Task ApplyFaultAsync(FaultSpec fault, CancellationToken cancellationToken) => _host.ApplyFaultAsync(fault, cancellationToken);

    public Task ClearFaultsAsync(CancellationToken cancellationToken) => _host.ClearFaultsAsync(cancellationToken);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
