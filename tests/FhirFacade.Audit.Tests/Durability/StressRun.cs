namespace FhirFacade.Audit.Tests.Durability;

/// <summary>What one killed stress writer acknowledged (sequence → correlation id) before it died.</summary>
internal sealed record StressRun(IReadOnlyDictionary<long, string> Acknowledged, bool Killed, int ExitCode, string StandardError);
