using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Terminology;
using FhirFacade.Fhir.Resources;
using FhirFacade.Suppliers.Tpp.Mapping;
using FhirFacade.Suppliers.Tpp.Native;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Suppliers.Tpp.Tests.Mapping;

/// <summary>Fixed native JSON in, FHIR JSON out: the context of B82005 for patient 9990000026, and exact comparison.</summary>
internal static partial class MappingFixture
{
    public const string OdsCode = "B82005";
    public const string NhsNumber = "9990000026";

    private static readonly Lazy<SnomedConceptMap> Map = new(Ctv3SnomedMap.Load);

    public static TppMappingContext Context() => new(OdsCode, "Moorland Health Centre (B82005)", NhsNumber, Map.Value);

    public static T Native<T>(string json) => JsonSerializer.Deserialize<T>(json, TppJson.Options)!;

    /// <summary>The facade id of a native id at B82005.</summary>
    public static string Id(string nativeId) => ResourceIdCodec.Encode(new FacadeResourceId("tpp", OdsCode, nativeId));

    /// <summary>The resource as normalized FHIR JSON.</summary>
    public static JsonNode Json(Resource resource) =>
        JsonNormalizer.Normalize(JsonNode.Parse(TestFhir.JsonSerializer.Serialize(resource.ToElementNode(TestFhir.Model))))!;

    /// <summary>Expected JSON with <c>$id(native)</c> replaced by the facade id, normalized.</summary>
    public static JsonNode Expected(string json) =>
        JsonNormalizer.Normalize(JsonNode.Parse(IdPlaceholder().Replace(json, m => Id(m.Groups[1].Value))))!;

    [GeneratedRegex(@"\$id\(([^)]*)\)")]
    private static partial Regex IdPlaceholder();
}
