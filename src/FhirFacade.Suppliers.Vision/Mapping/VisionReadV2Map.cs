using System.Collections.Frozen;
using System.Text.Json;

namespace FhirFacade.Suppliers.Vision.Mapping;

/// <summary>
/// The project's Read v2 → SNOMED CT ConceptMap (profiles/ConceptMap-readv2-to-snomed.json, embedded in
/// this assembly), loaded once. The first target of each code is used, except <c>unmatched</c> and
/// <c>disjoint</c> ones, which say there is no mapping; the Read v2 coding stays first, so a wider or
/// narrower SNOMED CT concept never replaces what the practice recorded.
/// </summary>
internal static class VisionReadV2Map
{
    private const string ResourceName = "FhirFacade.Suppliers.Vision.ConceptMap-readv2-to-snomed.json";

    private static readonly Lazy<FrozenDictionary<string, SnomedTarget>> Targets = new(Load);

    /// <summary>The SNOMED CT concept a Read v2 code maps to, or <see langword="null"/> when it is unmapped.</summary>
    public static SnomedTarget? Translate(string readCode) => Targets.Value.GetValueOrDefault(readCode);

    private static FrozenDictionary<string, SnomedTarget> Load()
    {
        using var stream = typeof(VisionReadV2Map).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The Read v2 ConceptMap is not embedded in the Vision adapter.");
        using var document = JsonDocument.Parse(stream);
        var targets = new Dictionary<string, SnomedTarget>(StringComparer.Ordinal);
        foreach (var group in document.RootElement.GetProperty("group").EnumerateArray())
        {
            foreach (var element in group.GetProperty("element").EnumerateArray())
            {
                var source = element.GetProperty("code").GetString();
                if (source is null || !element.TryGetProperty("target", out var mapped))
                {
                    continue;
                }

                foreach (var target in mapped.EnumerateArray())
                {
                    var equivalence = target.TryGetProperty("equivalence", out var e) ? e.GetString() : null;
                    if (equivalence is not ("unmatched" or "disjoint") && target.GetProperty("code").GetString() is { } code)
                    {
                        targets.TryAdd(source, new SnomedTarget(code, target.TryGetProperty("display", out var d) ? d.GetString() : null));
                        break;
                    }
                }
            }
        }

        return targets.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
