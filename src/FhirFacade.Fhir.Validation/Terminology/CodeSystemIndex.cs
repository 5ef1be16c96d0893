using System.Text.Json;

namespace FhirFacade.Fhir.Validation.Terminology;

/// <summary>
/// A loaded CodeSystem indexed for lookup and subsumption: concepts by code, with parents and children from the
/// nested <c>concept</c> hierarchy and from <c>parent</c>/<c>child</c>/<c>subsumedBy</c> properties. Immutable once built.
/// </summary>
internal sealed class CodeSystemIndex
{
    private readonly Dictionary<string, CodeSystemConcept> _concepts;

    private CodeSystemIndex(string url, CodeSystemAvailability availability, Dictionary<string, CodeSystemConcept> concepts, List<string> order)
    {
        Url = url;
        Availability = availability;
        _concepts = concepts;
        AllCodes = order;
    }

    public string Url { get; }

    public CodeSystemAvailability Availability { get; }

    /// <summary>Every code, in definition order.</summary>
    public IReadOnlyList<string> AllCodes { get; }

    public static CodeSystemIndex NotAvailable(string url) => new(url, CodeSystemAvailability.NotAvailable, new(StringComparer.Ordinal), []);

    public static CodeSystemIndex Build(string url, JsonElement codeSystem)
    {
        var content = codeSystem.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        var availability = content switch
        {
            _ when TerminologySystems.External.Contains(url) => CodeSystemAvailability.NotAvailable,
            "complete" => CodeSystemAvailability.Complete,
            "fragment" or "example" => CodeSystemAvailability.Partial,
            _ => CodeSystemAvailability.NotAvailable,
        };
        var concepts = new Dictionary<string, CodeSystemConcept>(StringComparer.Ordinal);
        var order = new List<string>();
        if (availability != CodeSystemAvailability.NotAvailable && codeSystem.TryGetProperty("concept", out var list))
        {
            AddConcepts(list, null, concepts, order);
            LinkPropertyHierarchy(concepts);
        }

        return new CodeSystemIndex(url, availability, concepts, order);
    }

    public CodeSystemConcept? Find(string code) => _concepts.GetValueOrDefault(code);

    /// <summary>The code and all its descendants (or only the descendants).</summary>
    public List<string> Descendants(string code, bool includeSelf)
    {
        var result = new List<string>();
        if (!_concepts.ContainsKey(code))
        {
            return result;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { code };
        var queue = new Queue<string>();
        queue.Enqueue(code);
        if (includeSelf)
        {
            result.Add(code);
        }

        while (queue.Count > 0)
        {
            foreach (var child in _concepts[queue.Dequeue()].Children)
            {
                if (seen.Add(child) && _concepts.ContainsKey(child))
                {
                    result.Add(child);
                    queue.Enqueue(child);
                }
            }
        }

        return result;
    }

    private static void AddConcepts(JsonElement list, string? parent, Dictionary<string, CodeSystemConcept> concepts, List<string> order)
    {
        if (list.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty("code", out var codeJson)
                || codeJson.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            var code = codeJson.GetString()!;
            if (!concepts.TryGetValue(code, out var concept))
            {
                var display = item.TryGetProperty("display", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                concept = new CodeSystemConcept(code, display);
                concepts[code] = concept;
                order.Add(code);
                ReadProperties(item, concept);
            }

            if (parent is not null)
            {
                concept.Parents.Add(parent);
                concepts[parent].Children.Add(code);
            }

            if (item.TryGetProperty("concept", out var nested))
            {
                AddConcepts(nested, code, concepts, order);
            }
        }
    }

    private static void ReadProperties(JsonElement item, CodeSystemConcept concept)
    {
        if (!item.TryGetProperty("property", out var properties) || properties.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var property in properties.EnumerateArray())
        {
            if (property.ValueKind != JsonValueKind.Object
                || !property.TryGetProperty("code", out var code)
                || code.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            foreach (var p in property.EnumerateObject())
            {
                if (p.Name.StartsWith("value", StringComparison.Ordinal))
                {
                    concept.Properties.Add((code.GetString()!, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()));
                }
            }
        }
    }

    private static void LinkPropertyHierarchy(Dictionary<string, CodeSystemConcept> concepts)
    {
        foreach (var concept in concepts.Values)
        {
            foreach (var (name, value) in concept.Properties.ToList())
            {
                if (name is "parent" or "subsumedBy" && concepts.TryGetValue(value, out var parent) && !concept.Parents.Contains(value))
                {
                    concept.Parents.Add(value);
                    parent.Children.Add(concept.Code);
                }
                else if (name == "child" && concepts.TryGetValue(value, out var child) && !child.Parents.Contains(concept.Code))
                {
                    child.Parents.Add(concept.Code);
                    concept.Children.Add(value);
                }
            }
        }
    }
}
