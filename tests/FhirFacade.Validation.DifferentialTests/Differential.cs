using FhirFacade.Validation.DifferentialTests.Engines;

namespace FhirFacade.Validation.DifferentialTests;

/// <summary>Runs both engines on one resource text.</summary>
internal static class Differential
{
    public static (EngineVerdict Kernel, EngineVerdict Firely) Compare(string what, string text, string? profile = null, bool xml = false)
    {
        _ = what;
        var kernel = xml ? KernelEngine.Shared.ValidateXml(text, profile) : KernelEngine.Shared.ValidateJson(text, profile);
        var firely = xml ? FirelyEngine.Shared.ValidateXml(text, profile) : FirelyEngine.Shared.ValidateJson(text, profile);
        return (kernel, firely);
    }
}
