namespace FhirFacade.Server.DevAuthorization;

/// <summary>
/// Registered by a host whose supplier endpoints are simulated backends it runs itself (the demo host,
/// <c>src/FhirFacade.Demo</c>). The development issuer may only run beside it (<c>SmartOptionsValidator</c>),
/// and its patient picker offers these demo patients. The production server never registers it.
/// </summary>
public sealed class SimulatedSuppliers(IReadOnlyList<SimulatedDemoPatient> demoPatients)
{
    /// <summary>The synthetic patients the simulators hold, each with the practice they are registered at.</summary>
    public IReadOnlyList<SimulatedDemoPatient> DemoPatients { get; } = demoPatients;
}

/// <summary>A synthetic demo patient: NHS number, name, the ODS code of the registered practice and what is special about the record.</summary>
public sealed record SimulatedDemoPatient(string NhsNumber, string Name, string RegisteredPracticeOds, string Special);
