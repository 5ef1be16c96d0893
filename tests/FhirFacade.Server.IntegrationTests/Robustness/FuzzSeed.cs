using System.Globalization;

namespace FhirFacade.Server.IntegrationTests.Robustness;

/// <summary>
/// The seed of a fuzz run: <c>FHIRFACADE_FUZZ_SEED</c> when set (to reproduce a failure), otherwise a
/// new one each run, always printed. <c>FHIRFACADE_FUZZ_COUNT</c> overrides how many requests are sent.
/// </summary>
internal static class FuzzSeed
{
    public const string SeedVariable = "FHIRFACADE_FUZZ_SEED";
    public const string CountVariable = "FHIRFACADE_FUZZ_COUNT";

    public static int Choose() =>
        int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : Random.Shared.Next();

    public static int Count(int defaultCount) =>
        int.TryParse(Environment.GetEnvironmentVariable(CountVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : defaultCount;
}
