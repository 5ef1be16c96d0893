using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using FhirFacade.Fhir.Conformance;

namespace FhirFacade.Core.Terminology;

/// <summary>
/// The translations of one native code system into SNOMED CT read from a FHIR R4 ConceptMap
/// (<see href="https://hl7.org/fhir/R4/conceptmap.html"/>). Only groups declaring the given source system and
/// <see cref="FhirSystems.Snomed"/> as target are read; per source code the first target with a code whose
/// equivalence the caller's <see cref="ConceptMapEquivalenceRule"/> accepts wins, and the first element wins when a
/// code repeats. Malformed elements and targets are skipped. Immutable once built; the adapters embed the project's
/// published ConceptMaps so the adapter and the published map cannot drift apart.
/// </summary>
public sealed class SnomedConceptMap
{
    private readonly FrozenDictionary<string, SnomedTarget> _targets;

    private SnomedConceptMap(FrozenDictionary<string, SnomedTarget> targets)
    {
        _targets = targets;
    }

    /// <summary>How many source codes translate.</summary>
    public int Count => _targets.Count;

    /// <summary>Reads a ConceptMap embedded in <paramref name="assembly"/> under the manifest name <paramref name="resourceName"/>.</summary>
    /// <exception cref="InvalidOperationException">The assembly has no such resource (a build error, not bad data).</exception>
    public static SnomedConceptMap LoadEmbedded(Assembly assembly, string resourceName, string sourceSystem, ConceptMapEquivalenceRule rule)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(resourceName);
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The embedded ConceptMap '{resourceName}' is missing from assembly '{assembly.GetName().Name}'.");
        return Parse(stream, sourceSystem, rule);
    }

    /// <summary>Reads a ConceptMap from JSON.</summary>
    public static SnomedConceptMap Parse(Stream conceptMap, string sourceSystem, ConceptMapEquivalenceRule rule)
    {
        ArgumentNullException.ThrowIfNull(conceptMap);
        using var document = JsonDocument.Parse(conceptMap);
        return Parse(document.RootElement, sourceSystem, rule);
    }

    /// <summary>Reads the <paramref name="sourceSystem"/> → SNOMED CT groups of a ConceptMap.</summary>
    public static SnomedConceptMap Parse(JsonElement conceptMap, string sourceSystem, ConceptMapEquivalenceRule rule)
    {
        ArgumentNullException.ThrowIfNull(sourceSystem);
        ArgumentNullException.ThrowIfNull(rule);
        var targets = new Dictionary<string, SnomedTarget>(StringComparer.Ordinal);
        var groups = Array(conceptMap, "group").Where(g => Text(g, "source") == sourceSystem && Text(g, "target") == FhirSystems.Snomed);
        foreach (var element in groups.SelectMany(g => Array(g, "element")))
        {
            var code = Text(element, "code");
            var target = Array(element, "target").FirstOrDefault(t => Text(t, "code") is not null && rule.Accepts(Text(t, "equivalence")));
            if (code is not null && target.ValueKind == JsonValueKind.Object)
            {
                targets.TryAdd(code, new SnomedTarget(Text(target, "code")!, Text(target, "display")));
            }
        }

        return new SnomedConceptMap(targets.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The SNOMED CT concept a source code translates to, or <see langword="null"/> when it does not.</summary>
    public SnomedTarget? Translate(string code) => _targets.GetValueOrDefault(code);

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonElement[] Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [];
}
