namespace FhirFacade.Simulators.Faults;

/// <summary>One fault to inject. <see cref="NhsNumber"/> scopes it to one patient; null applies it to every request.</summary>
public sealed record FaultSpec(FaultKind Kind)
{
    /// <summary>Only requests about this NHS number are affected; null means all requests.</summary>
    public string? NhsNumber { get; init; }

    /// <summary>Added delay for <see cref="FaultKind.Latency"/>.</summary>
    public int LatencyMs { get; init; } = 1000;

    /// <summary>HTTP status for <see cref="FaultKind.ErrorStatus"/> (e.g. 500, 503).</summary>
    public int StatusCode { get; init; } = 500;

    /// <summary>
    /// For <see cref="FaultKind.WrongPatient"/>: the NHS number of the patient whose record is answered instead (a demo
    /// patient's record, flags included, even at an organisation that does not hold them); null: the next NHS number in the world.
    /// For <see cref="FaultKind.StandInRecord"/>: the demo patient whose record content stands in for the asked patient's.
    /// </summary>
    public string? AnswerWith { get; init; }

    /// <summary>
    /// For <see cref="FaultKind.StandInRecord"/>: the stand-in record's confidential items are sent as shareable, so that a
    /// test can learn the native ids the supplier gives them (and then ask for them by id with this cleared).
    /// </summary>
    public bool RevealConfidential { get; init; }

    public static FaultSpec Latency(int milliseconds, string? nhsNumber = null) => new(FaultKind.Latency) { LatencyMs = milliseconds, NhsNumber = nhsNumber };

    public static FaultSpec Error(int statusCode, string? nhsNumber = null) => new(FaultKind.ErrorStatus) { StatusCode = statusCode, NhsNumber = nhsNumber };

    public static FaultSpec WrongPatient(string nhsNumber, string answerWith) => new(FaultKind.WrongPatient) { NhsNumber = nhsNumber, AnswerWith = answerWith };

    /// <summary>
    /// Answers about <paramref name="nhsNumber"/> with the content and flags of <paramref name="recordOf"/>'s record, relabelled as
    /// <paramref name="nhsNumber"/>'s; with <paramref name="revealConfidential"/>, its confidential items are sent as shareable.
    /// </summary>
    public static FaultSpec StandIn(string nhsNumber, string recordOf, bool revealConfidential = false) =>
        new(FaultKind.StandInRecord) { NhsNumber = nhsNumber, AnswerWith = recordOf, RevealConfidential = revealConfidential };

    public static FaultSpec Of(FaultKind kind, string? nhsNumber = null) => new(kind) { NhsNumber = nhsNumber };
}
