using System.Text.Json;

namespace FhirFacade.Fhir.Validation.Terminology;

/// <summary>
/// The loaded ConceptMaps indexed by (source system, target system) and by canonical, for
/// <c>$translate</c>-style lookups (<see href="https://hl7.org/fhir/R4/conceptmap.html"/>). Immutable once built.
/// </summary>
internal sealed class ConceptMapIndex
{
    private readonly Dictionary<string, List<Group>> _byPair = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Group>> _byMap = new(StringComparer.Ordinal);

    public void Add(JsonElement conceptMap)
    {
        var url = Str(conceptMap, "url");
        if (url is null || _byMap.ContainsKey(url))
        {
            return;
        }

        var groups = new List<Group>();
        foreach (var g in Items(conceptMap, "group"))
        {
            var source = Str(g, "source");
            var target = Str(g, "target");
            if (source is null || target is null)
            {
                continue;
            }

            var group = new Group(url, source, target);
            foreach (var element in Items(g, "element"))
            {
                if (Str(element, "code") is not { } code)
                {
                    continue;
                }

                var targets = group.Elements.TryGetValue(code, out var existing) ? existing : group.Elements[code] = [];
                foreach (var t in Items(element, "target"))
                {
                    targets.Add(new TranslationMatch(target, Str(t, "code"), Str(t, "display"), Str(t, "equivalence") ?? "equivalent", url, Str(t, "comment")));
                }
            }

            if (g.TryGetProperty("unmapped", out var unmapped) && unmapped.ValueKind == JsonValueKind.Object
                && Str(unmapped, "mode") == "fixed" && Str(unmapped, "code") is { } fixedCode)
            {
                group.UnmappedFixed = new TranslationMatch(target, fixedCode, Str(unmapped, "display"), "inexact", url);
            }

            groups.Add(group);
            var pair = source + "\n" + target;
            (_byPair.TryGetValue(pair, out var list) ? list : _byPair[pair] = []).Add(group);
        }

        _byMap[url] = groups;
    }

    public TranslationResult Translate(string? conceptMap, string sourceSystem, string code, string targetSystem)
    {
        List<Group> groups;
        if (conceptMap is not null)
        {
            var bar = conceptMap.IndexOf('|', StringComparison.Ordinal);
            var url = bar < 0 ? conceptMap : conceptMap[..bar];
            if (!_byMap.TryGetValue(url, out var mapGroups))
            {
                return new TranslationResult(TranslationOutcome.NoConceptMap, [], $"ConceptMap '{url}' is not loaded.");
            }

            groups = [.. mapGroups.Where(g => g.Source == sourceSystem && g.Target == targetSystem)];
        }
        else
        {
            groups = _byPair.GetValueOrDefault(sourceSystem + "\n" + targetSystem) ?? [];
        }

        if (groups.Count == 0)
        {
            return new TranslationResult(TranslationOutcome.NoConceptMap, [], $"No ConceptMap maps '{sourceSystem}' to '{targetSystem}'.");
        }

        var matches = new List<TranslationMatch>();
        foreach (var group in groups)
        {
            if (group.Elements.TryGetValue(code, out var targets))
            {
                matches.AddRange(targets);
            }
            else if (group.UnmappedFixed is { } fallback)
            {
                matches.Add(fallback);
            }
        }

        var ordered = matches.OrderBy(m => m.IsMatch ? 0 : 1).ToList();
        return ordered.Any(m => m.IsMatch)
            ? new TranslationResult(TranslationOutcome.Matched, ordered, $"Mapped by {string.Join(", ", ordered.Where(m => m.IsMatch).Select(m => m.ConceptMap).Distinct())}.")
            : new TranslationResult(TranslationOutcome.NoMatch, ordered, $"The code is not mapped from '{sourceSystem}' to '{targetSystem}'.");
    }

    private static IEnumerable<JsonElement> Items(JsonElement json, string name) =>
        json.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
            : [];

    private static string? Str(JsonElement json, string name) =>
        json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private sealed class Group(string map, string source, string target)
    {
        public string Map { get; } = map;

        public string Source { get; } = source;

        public string Target { get; } = target;

        public Dictionary<string, List<TranslationMatch>> Elements { get; } = new(StringComparer.Ordinal);

        public TranslationMatch? UnmappedFixed { get; set; }
    }
}
