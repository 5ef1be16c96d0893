namespace FhirFacade.Demo;

/// <summary>
/// The embedded default (<c>Facade:EmbeddedSimulators</c>): start the simulated supplier backends
/// in-process on loopback and point every directory endpoint written <c>embedded:{supplier}</c> at them.
/// The production server (<c>src/FhirFacade.Server</c>) has no such setting: it lists real endpoints.
/// </summary>
public sealed class EmbeddedSimulatorOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Facade:EmbeddedSimulators";

    /// <summary>The URI scheme of directory endpoints that mean "the embedded simulator".</summary>
    public const string EndpointScheme = "embedded";

    /// <summary>Whether to start the simulators (default off; on in appsettings.demo.json).</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Milliseconds of latency every embedded simulator adds to every request from the start (a
    /// <c>latency</c> fault on all patients); default 0. For benchmarks and demos of slow suppliers
    /// (scripts/bench/four-suppliers.sh); the same fault the simulators' fault controls apply.
    /// </summary>
    public int AddedLatencyMs { get; set; }
}
