using System.Collections.Frozen;
using System.Text.Json;
using FhirFacade.Fhir.Conformance;

namespace FhirFacade.Suppliers.Tpp.Mapping;

/// <summary>
/// The project's CTV3 → SNOMED CT ConceptMap (<c>profiles/ConceptMap-ctv3-to-snomed.json</c>, compiled into
/// this assembly so the adapter and the published ConceptMap cannot drift apart). The adapter may not
/// reference the validation project, so it reads the one group it needs itself. Immutable once loaded.
/// </summary>
internal sealed class Ctv3SnomedMap
{
    /// <summary>The manifest name of the embedded ConceptMap.</summary>
    public const string ResourceName = "FhirFacade.Suppliers.Tpp.ConceptMap-ctv3-to-snomed.json";

    // Equivalences that let a target stand beside the source coding (R4 ConceptMapEquivalence).
    private static readonly FrozenSet<string> UsableEquivalences = FrozenSet.ToFrozenSet(["equivalent", "equal", "wider", "subsumes", "relatedto"], StringComparer.Ordinal);

    private readonly FrozenDictionary<string, SnomedTarget> _targets;

    public Ctv3SnomedMap(IReadOnlyDictionary<string, SnomedTarget> targets)
    {
        _targets = targets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>How many CTV3 codes are mapped.</summary>
    public int Count => _targets.Count;

    /// <summary>Loads the embedded ConceptMap.</summary>
    public static Ctv3SnomedMap Load()
    {
        using var stream = typeof(Ctv3SnomedMap).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded ConceptMap '{ResourceName}' is missing.");
        using var document = JsonDocument.Parse(stream);
        return Parse(document.RootElement);
    }

    /// <summary>Reads the CTV3 → SNOMED CT groups of a ConceptMap.</summary>
    public static Ctv3SnomedMap Parse(JsonElement conceptMap)
    {
        var targets = new Dictionary<string, SnomedTarget>(StringComparer.Ordinal);
        if (conceptMap.TryGetProperty("group", out var groups) && groups.ValueKind == JsonValueKind.Array)
        {
            foreach (var group in groups.EnumerateArray().Where(g => Text(g, "source") == FhirSystems.Ctv3 && Text(g, "target") == FhirSystems.Snomed))
            {
                foreach (var element in Array(group, "element"))
                {
                    var code = Text(element, "code");
                    var target = Array(element, "target").FirstOrDefault(t => Text(t, "code") is not null && Text(t, "equivalence") is { } e && UsableEquivalences.Contains(e));
                    if (code is not null && target.ValueKind == JsonValueKind.Object)
                    {
                        targets.TryAdd(code, new SnomedTarget(Text(target, "code")!, Text(target, "display")));
                    }
                }
            }
        }

        return new Ctv3SnomedMap(targets);
    }

    /// <summary>The SNOMED CT concept a CTV3 code maps to, or <see langword="null"/>.</summary>
    public SnomedTarget? Translate(string ctv3Code) => _targets.GetValueOrDefault(ctv3Code);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonElement[] Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [];
}
