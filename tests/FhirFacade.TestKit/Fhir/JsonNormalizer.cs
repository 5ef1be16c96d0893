using System.Text.Json.Nodes;

namespace FhirFacade.TestKit.Fhir;

/// <summary>
/// Puts JSON into a canonical form for comparisons that must ignore property order (FHIR JSON
/// property order carries no meaning): properties sorted ordinally at every level, compact output.
/// </summary>
public static class JsonNormalizer
{
    /// <summary>The JSON with every object's properties sorted by name, written compactly.</summary>
    public static string Normalize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Normalize(JsonNode.Parse(json))?.ToJsonString() ?? "null";
    }

    /// <summary>A copy of the node with every object's properties sorted by name.</summary>
    public static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Normalize).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };
}
