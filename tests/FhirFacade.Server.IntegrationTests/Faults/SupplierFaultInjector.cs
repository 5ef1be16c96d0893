using FhirFacade.Simulators.Faults;
using FhirFacade.Simulators.Hosting;

namespace FhirFacade.Server.IntegrationTests.Faults;

/// <summary>Sets one <see cref="SupplierFault"/> on a simulator, scoped to one patient wherever the simulator allows it.</summary>
public static class SupplierFaultInjector
{
    /// <summary>How long a latency fault holds an answer: far beyond any timeout the tests configure.</summary>
    public const int LatencyBeyondTimeoutMs = 10_000;

    /// <summary>True for the faults that end in the facade giving up waiting (504 when nothing else answers).</summary>
    public static bool IsTimeout(this SupplierFault fault) => fault is SupplierFault.Latency or SupplierFault.Hang;

    public static Task ApplyAsync(this ISupplierSimulator simulator, SupplierFault fault, string nhsNumber)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        var spec = fault switch
        {
            SupplierFault.ServerError => FaultSpec.Error(503, nhsNumber),
            SupplierFault.ConnectionRefused => FaultSpec.Of(FaultKind.ConnectionRefused),
            SupplierFault.MalformedPayload => FaultSpec.Of(FaultKind.MalformedPayload, nhsNumber),
            SupplierFault.Latency => FaultSpec.Latency(LatencyBeyondTimeoutMs, nhsNumber),
            SupplierFault.Hang => FaultSpec.Of(FaultKind.Hang, nhsNumber),
            SupplierFault.WrongPatient => FaultSpec.Of(FaultKind.WrongPatient, nhsNumber),
            SupplierFault.TokenRejected => FaultSpec.Of(FaultKind.TokenRejected, nhsNumber),

            // The token endpoint is about no patient, so refusing it can only be global.
            SupplierFault.TokenEndpointRefuses => FaultSpec.Error(401),
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "Unknown fault."),
        };
        return simulator.ApplyFaultAsync(spec, CancellationToken.None);
    }
}
