using System.Text.Json;
using System.Text.RegularExpressions;

namespace FhirFacade.Fhir.Validation.Terminology;

/// <summary>
/// Computes one value set's expansion from its <c>compose</c> (<see href="https://hl7.org/fhir/R4/valueset.html#compose"/>),
/// or takes a packaged <c>expansion</c> when there is no compose. Content-less systems are recorded, not expanded.
/// </summary>
internal sealed class ValueSetExpander(Func<string, CodeSystemIndex> codeSystems, Func<string, ValueSetExpansion?> importedValueSet)
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    public ValueSetExpansion Expand(string url, JsonElement valueSet)
    {
        var version = valueSet.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var result = new Part();
        if (valueSet.TryGetProperty("compose", out var compose) && compose.ValueKind == JsonValueKind.Object)
        {
            foreach (var include in Items(compose, "include"))
            {
                result.UnionWith(Evaluate(include));
            }

            foreach (var exclude in Items(compose, "exclude"))
            {
                var removed = Evaluate(exclude);
                result.Concepts.RemoveAll(c => removed.Keys.Contains(c.System + "|" + c.Code));
            }
        }
        else if (valueSet.TryGetProperty("expansion", out var expansion) && expansion.ValueKind == JsonValueKind.Object)
        {
            AddExpansionContains(expansion, result);
        }
        else
        {
            result.Unresolved = true;
        }

        return new ValueSetExpansion(url, version, result.Concepts, result.UnavailableSystems, result.Unresolved);
    }

    private Part Evaluate(JsonElement include)
    {
        var system = include.TryGetProperty("system", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        Part? part = system is null ? null : EvaluateSystem(system, include);
        foreach (var vsUrl in Strings(include, "valueSet"))
        {
            var imported = importedValueSet(vsUrl);
            var importedPart = new Part();
            if (imported is null)
            {
                importedPart.Unresolved = true;
            }
            else
            {
                importedPart.Concepts.AddRange(imported.Contains);
                importedPart.UnavailableSystems.UnionWith(imported.UnavailableSystems);
                importedPart.Unresolved = imported.HasUnresolvedParts;
            }

            part = part is null ? importedPart : part.IntersectWith(importedPart);
        }

        return part ?? new Part { Unresolved = true };
    }

    private Part EvaluateSystem(string system, JsonElement include)
    {
        var part = new Part();
        var hasConcepts = include.TryGetProperty("concept", out var concepts) && concepts.ValueKind == JsonValueKind.Array;
        var hasFilters = include.TryGetProperty("filter", out var filters) && filters.ValueKind == JsonValueKind.Array && filters.GetArrayLength() > 0;
        var index = codeSystems(system);
        if (hasConcepts)
        {
            // Enumerated codes are members whether or not their code system is available locally.
            foreach (var concept in concepts.EnumerateArray())
            {
                if (concept.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String)
                {
                    var display = concept.TryGetProperty("display", out var d) && d.ValueKind == JsonValueKind.String
                        ? d.GetString()
                        : index.Find(code.GetString()!)?.Display;
                    part.Concepts.Add(new ExpansionConcept(system, code.GetString()!, display));
                }
            }

            return part;
        }

        if (index.Availability == CodeSystemAvailability.NotAvailable)
        {
            part.UnavailableSystems.Add(system);
            return part;
        }

        IEnumerable<string> codes = index.AllCodes;
        if (hasFilters)
        {
            foreach (var filter in filters.EnumerateArray())
            {
                var selected = ApplyFilter(index, filter);
                if (selected is null)
                {
                    part.UnavailableSystems.Add(system);
                    return part;
                }

                codes = codes.Where(selected.Contains);
            }
        }

        foreach (var code in codes)
        {
            part.Concepts.Add(new ExpansionConcept(system, code, index.Find(code)?.Display));
        }

        if (index.Availability == CodeSystemAvailability.Partial)
        {
            part.UnavailableSystems.Add(system);
        }

        return part;
    }

    /// <summary>The codes a filter selects, or <see langword="null"/> when the filter cannot be evaluated locally.</summary>
    private static HashSet<string>? ApplyFilter(CodeSystemIndex index, JsonElement filter)
    {
        var property = Str(filter, "property");
        var op = Str(filter, "op");
        var value = Str(filter, "value");
        if (property is null || op is null || value is null)
        {
            return null;
        }

        var all = index.AllCodes;
        switch (op)
        {
            case "is-a" when property is "concept" or "code":
                return [.. index.Descendants(value, includeSelf: true)];
            case "descendent-of" when property is "concept" or "code":
                return [.. index.Descendants(value, includeSelf: false)];
            case "is-not-a" when property is "concept" or "code":
                var excluded = index.Descendants(value, includeSelf: true).ToHashSet(StringComparer.Ordinal);
                return [.. all.Where(c => !excluded.Contains(c))];
            case "in" when property is "concept" or "code":
                return [.. value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(c => index.Find(c) is not null)];
            case "=" when property is "concept" or "code":
                return index.Find(value) is null ? [] : [value];
            case "=" when property == "parent":
                return [.. all.Where(c => index.Find(c)!.Parents.Contains(value))];
            case "=" when property == "child":
                return [.. all.Where(c => index.Find(c)!.Children.Contains(value))];
            case "=":
                return [.. all.Where(c => index.Find(c)!.HasProperty(property, value))];
            case "exists":
                var wanted = value == "true";
                return [.. all.Where(c => index.Find(c)!.HasProperty(property) == wanted)];
            case "regex" when property is "code":
                try
                {
                    var regex = new Regex("^(?:" + value + ")$", RegexOptions.CultureInvariant, RegexTimeout);
                    return [.. all.Where(c => regex.IsMatch(c))];
                }
                catch (Exception ex) when (ex is ArgumentException or RegexMatchTimeoutException)
                {
                    return null;
                }

            default:
                return null;
        }
    }

    private static void AddExpansionContains(JsonElement container, Part result)
    {
        foreach (var item in Items(container, "contains"))
        {
            if (Str(item, "system") is { } system && Str(item, "code") is { } code)
            {
                result.Concepts.Add(new ExpansionConcept(system, code, Str(item, "display")));
            }

            AddExpansionContains(item, result);
        }
    }

    private static IEnumerable<JsonElement> Items(JsonElement json, string name) =>
        json.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
            : [];

    private static IEnumerable<string> Strings(JsonElement json, string name) =>
        json.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)
            : [];

    private static string? Str(JsonElement json, string name) =>
        json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>An intermediate result: concepts plus what could not be expanded.</summary>
    private sealed class Part
    {
        public List<ExpansionConcept> Concepts { get; } = [];

        public HashSet<string> UnavailableSystems { get; } = new(StringComparer.Ordinal);

        public bool Unresolved { get; set; }

        public HashSet<string> Keys => Concepts.Select(c => c.System + "|" + c.Code).ToHashSet(StringComparer.Ordinal);

        public void UnionWith(Part other)
        {
            var keys = Keys;
            Concepts.AddRange(other.Concepts.Where(c => keys.Add(c.System + "|" + c.Code)));
            UnavailableSystems.UnionWith(other.UnavailableSystems);
            Unresolved |= other.Unresolved;
        }

        public Part IntersectWith(Part other)
        {
            var otherKeys = other.Keys;
            var result = new Part { Unresolved = Unresolved || other.Unresolved };
            result.Concepts.AddRange(Concepts.Where(c => otherKeys.Contains(c.System + "|" + c.Code)));
            result.UnavailableSystems.UnionWith(UnavailableSystems);
            result.UnavailableSystems.UnionWith(other.UnavailableSystems);
            return result;
        }
    }
}
