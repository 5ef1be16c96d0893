using FhirFacade.Simulators.Emis;

namespace FhirFacade.Simulators.Hosting;

/// <summary>Options for <see cref="SimulatorCluster"/>: one options object per simulator (defaults: free ports, dev credentials).</summary>
public sealed class SimulatorClusterOptions
{
    public EmisSimulatorOptions Emis { get; set; } = new();
}
