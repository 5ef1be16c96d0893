namespace FhirFacade.Simulators.Faults;

/// <summary>The kebab-case names used for fault kinds on the admin endpoint.</summary>
public static class FaultKindNames
{
    private static readonly Dictionary<string, FaultKind> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["latency"] = FaultKind.Latency,
        ["error-status"] = FaultKind.ErrorStatus,
        ["hang"] = FaultKind.Hang,
        ["connection-refused"] = FaultKind.ConnectionRefused,
        ["malformed-payload"] = FaultKind.MalformedPayload,
        ["wrong-patient"] = FaultKind.WrongPatient,
        ["hl7-nak"] = FaultKind.Hl7Nak,
        ["token-rejected"] = FaultKind.TokenRejected,
        ["stand-in-record"] = FaultKind.StandInRecord,
    };

    public static string NameOf(FaultKind kind) => ByName.First(p => p.Value == kind).Key;

    public static bool TryParse(string? name, out FaultKind kind)
    {
        kind = default;
        return name is not null && ByName.TryGetValue(name, out kind);
    }
}
