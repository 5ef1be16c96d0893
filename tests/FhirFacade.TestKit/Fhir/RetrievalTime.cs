using System.Globalization;
using System.Text.Json.Nodes;

namespace FhirFacade.TestKit.Fhir;

/// <summary>
/// Every resource an adapter maps says when it was retrieved in <c>meta.lastUpdated</c>
/// (docs/adr/0009-freshness-and-provenance.md); two retrievals of the same record differ only there.
/// </summary>
public static class RetrievalTime
{
    /// <summary>The resource's <c>meta.lastUpdated</c> as an instant, or <see langword="null"/> when it has none.</summary>
    public static DateTimeOffset? Of(JsonNode resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var text = resource["meta"]?["lastUpdated"]?.GetValue<string>();
        return text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
    }

    /// <summary>A copy of the resource without <c>meta.lastUpdated</c>, for comparing two retrievals of one record.</summary>
    public static JsonNode Without(JsonNode resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var copy = resource.DeepClone();
        copy["meta"]?.AsObject().Remove("lastUpdated");
        return copy;
    }
}
