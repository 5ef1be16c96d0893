using FhirFacade.Simulators.Emis;
using FhirFacade.Simulators.Microtest;
using FhirFacade.Simulators.Tpp;
using FhirFacade.Simulators.Vision;

namespace FhirFacade.Simulators.Hosting;

/// <summary>Options for <see cref="SimulatorCluster"/>: one options object per simulator (defaults: free ports, dev credentials).</summary>
public sealed class SimulatorClusterOptions
{
    public EmisSimulatorOptions Emis { get; set; } = new();

    public TppSimulatorOptions Tpp { get; set; } = new();

    public VisionSimulatorOptions Vision { get; set; } = new();

    public MicrotestSimulatorOptions Microtest { get; set; } = new();
}
