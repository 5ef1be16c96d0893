namespace FhirFacade.Suppliers.Vision.Hl7;

/// <summary>One repetition of a field: its components and their sub-components, unescaped on access.</summary>
public sealed class Hl7Repetition(string raw, Hl7Delimiters delimiters)
{
    private string[]? _components;

    /// <summary>The repetition as written (escaped).</summary>
    public string Raw { get; } = raw;

    /// <summary>How many components are written (at least 1).</summary>
    public int ComponentCount => Components.Length;

    private string[] Components => _components ??= Raw.Split(delimiters.Component);

    /// <summary>Component <paramref name="component"/> (1-based), sub-component <paramref name="subComponent"/> (1-based), unescaped; empty when absent.</summary>
    public string Component(int component, int subComponent = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(component, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(subComponent, 1);
        if (component > Components.Length)
        {
            return string.Empty;
        }

        var subComponents = Components[component - 1].Split(delimiters.SubComponent);
        return subComponent > subComponents.Length ? string.Empty : Hl7Escaping.Unescape(subComponents[subComponent - 1], delimiters);
    }

    /// <summary>The sub-components of one component, unescaped.</summary>
    public IReadOnlyList<string> SubComponents(int component) =>
        component > Components.Length ? [] : [.. Components[component - 1].Split(delimiters.SubComponent).Select(s => Hl7Escaping.Unescape(s, delimiters))];
}
