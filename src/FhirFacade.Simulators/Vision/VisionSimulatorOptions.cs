namespace FhirFacade.Simulators.Vision;

/// <summary>Options of the simulated Vision HL7 v2 / MLLP interface.</summary>
public sealed class VisionSimulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 (default) picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>Value every query must carry in MSH-8 (Security).</summary>
    public string AccessKey { get; set; } = "vision-dev-key";

    /// <summary>Clock for MSH-7 of responses (default the system clock).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Longest a hang fault holds a query (default 30 s).</summary>
    public TimeSpan MaxHang { get; set; } = TimeSpan.FromSeconds(30);
}
