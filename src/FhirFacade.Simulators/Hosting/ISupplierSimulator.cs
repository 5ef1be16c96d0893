using FhirFacade.Simulators.Faults;
using FhirFacade.Simulators.World;

namespace FhirFacade.Simulators.Hosting;

/// <summary>One running simulated supplier backend.</summary>
public interface ISupplierSimulator : IAsyncDisposable
{
    SupplierKind Supplier { get; }

    /// <summary>The fault state; <see cref="FaultController.Set"/> takes effect for the next request.</summary>
    FaultController Faults { get; }

    /// <summary>False while a ConnectionRefused fault has the listener stopped.</summary>
    bool IsListening { get; }

    /// <summary>Sets a fault and waits until it is in force (for ConnectionRefused: until the port is closed).</summary>
    Task ApplyFaultAsync(FaultSpec fault, CancellationToken cancellationToken);

    /// <summary>Clears every fault and waits until the simulator listens again.</summary>
    Task ClearFaultsAsync(CancellationToken cancellationToken);
}
