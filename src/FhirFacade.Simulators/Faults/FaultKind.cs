namespace FhirFacade.Simulators.Faults;

/// <summary>The faults a simulator can inject (wire names in <see cref="FaultKindNames"/>).</summary>
public enum FaultKind
{
    /// <summary>Answer normally after <see cref="FaultSpec.LatencyMs"/> milliseconds.</summary>
    Latency,

    /// <summary>Answer with <see cref="FaultSpec.StatusCode"/> (HTTP) and the supplier's native error body.</summary>
    ErrorStatus,

    /// <summary>Never answer until the client gives up (bounded by the simulator's MaxHang, cancelled on shutdown).</summary>
    Hang,

    /// <summary>Stop listening on the port until the fault is cleared (always global).</summary>
    ConnectionRefused,

    /// <summary>Answer with a truncated native document.</summary>
    MalformedPayload,

    /// <summary>Answer with a different patient's record.</summary>
    WrongPatient,

    /// <summary>Vision only: answer every query with MSA-1 = AR and an ERR segment.</summary>
    Hl7Nak,

    /// <summary>Microtest only: reject every bearer token with 401 invalid_token.</summary>
    TokenRejected,

    /// <summary>
    /// Answer about the patient with the clinical content and restriction flags of another (demo) patient's record,
    /// relabelled as the patient asked about (their NHS number and demographics kept): how a test puts the dissenting,
    /// sensitive, confidential-items or broken-data situation behind any supplier's native protocol. Needs
    /// <see cref="FaultSpec.AnswerWith"/> (<see cref="FaultSpec.StandIn"/>).
    /// </summary>
    StandInRecord,
}
