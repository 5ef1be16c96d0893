namespace FhirFacade.Simulators.Tests;

/// <summary>Every test bounds its network work with this token.</summary>
internal static class TestTimeout
{
    public static CancellationToken Token(int seconds = 20) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;
}
