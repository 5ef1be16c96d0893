using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FhirFacade.Core.Terminology;
using FhirFacade.Fhir.Resources;
using FhirFacade.Suppliers.Tpp.Mapping;
using FhirFacade.Suppliers.Tpp.Native;
using FhirFacade.TestKit.Fhir;
using FhirFacade.TestKit.Server;

namespace FhirFacade.Suppliers.Tpp.Tests.Mapping;

/// <summary>Fixed native JSON in, FHIR JSON out: the context of B82005 for patient 9990000026, and exact comparison.</summary>
internal static partial class MappingFixture
{
    public const string OdsCode = "B82005";
    public const string NhsNumber = "9990000026";

    private static readonly Lazy<SnomedConceptMap> Map = new(Ctv3SnomedMap.Load);

    public static TppMappingContext Context() => new(OdsCode, "Moorland Health Centre (B82005)", NhsNumber, Map.Value, TestResourceIds.Codec);

    public static T Native<T>(string json) => JsonSerializer.Deserialize<T>(json, TppJson.Options)!;

    /// <summary>The facade id of a <paramref name="resourceType"/> with a native id at B82005.</summary>
    public static string Id(string resourceType, string nativeId) => TestResourceIds.Encode(resourceType, "tpp", OdsCode, nativeId);

    /// <summary>The resource as normalized FHIR JSON.</summary>
    public static JsonNode Json(Resource resource) =>
        JsonNormalizer.Normalize(JsonNode.Parse(TestFhir.JsonSerializer.Serialize(resource.ToElementNode(TestFhir.Model))))!;

    /// <summary>
    /// Expected JSON with each <c>$id(native)</c> replaced by the facade id, normalized: the type is the one of
    /// the reference (<c>Patient/$id(…)</c>) or of the resource (<c>"resourceType":"Condition","id":"$id(…)"</c>).
    /// </summary>
    public static JsonNode Expected(string json)
    {
        var ids = ResourceIdPlaceholder().Replace(json, m => m.Value.Replace(m.Groups["placeholder"].Value, Id(m.Groups["type"].Value, m.Groups["native"].Value), StringComparison.Ordinal));
        var references = ReferencePlaceholder().Replace(ids, m => m.Groups["type"].Value + "/" + Id(m.Groups["type"].Value, m.Groups["native"].Value));
        return JsonNormalizer.Normalize(JsonNode.Parse(references))!;
    }

    [GeneratedRegex(@"""resourceType"":""(?<type>[A-Za-z]+)"",""id"":""(?<placeholder>\$id\((?<native>[^)]*)\))""")]
    private static partial Regex ResourceIdPlaceholder();

    [GeneratedRegex(@"(?<type>[A-Z][A-Za-z]+)/\$id\((?<native>[^)]*)\)")]
    private static partial Regex ReferencePlaceholder();
}
