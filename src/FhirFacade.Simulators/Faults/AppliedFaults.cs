namespace FhirFacade.Simulators.Faults;

/// <summary>The faults that apply to one request, folded into one value.</summary>
internal sealed record AppliedFaults(
    int LatencyMs,
    int? ErrorStatus,
    bool Hang,
    bool Malformed,
    bool WrongPatient,
    bool Nak,
    bool TokenRejected)
{
    public static AppliedFaults None { get; } = new(0, null, false, false, false, false, false);

    /// <summary>With <see cref="WrongPatient"/>: the NHS number of the patient whose record is answered instead, when the fault names one.</summary>
    public string? WrongPatientAnswer { get; init; }

    /// <summary>The NHS number of the demo patient whose record content stands in for the asked patient's (<see cref="FaultKind.StandInRecord"/>).</summary>
    public string? StandInRecordOf { get; init; }

    /// <summary>With <see cref="StandInRecordOf"/>: its confidential items are sent as shareable (<see cref="FaultSpec.RevealConfidential"/>).</summary>
    public bool StandInRevealsConfidential { get; init; }
}
