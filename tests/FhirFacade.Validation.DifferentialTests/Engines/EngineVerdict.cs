namespace FhirFacade.Validation.DifferentialTests.Engines;

/// <summary>What one engine said about one resource: its errors (parse and validation), each as "code location: message".</summary>
internal sealed record EngineVerdict(string Engine, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public override string ToString() =>
        IsValid ? $"{Engine}: valid" : $"{Engine}: {Errors.Count} error(s){Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", Errors);
}
