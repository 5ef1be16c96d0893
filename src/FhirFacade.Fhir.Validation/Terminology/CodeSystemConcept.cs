namespace FhirFacade.Fhir.Validation.Terminology;

/// <summary>One concept of a loaded code system, with its place in the hierarchy.</summary>
internal sealed class CodeSystemConcept(string code, string? display)
{
    public string Code { get; } = code;

    public string? Display { get; } = display;

    public List<string> Parents { get; } = [];

    public List<string> Children { get; } = [];

    public List<(string Name, string Value)> Properties { get; } = [];

    public bool HasProperty(string name, string value) => Properties.Exists(p => p.Name == name && p.Value == value);

    public bool HasProperty(string name) => Properties.Exists(p => p.Name == name);
}
