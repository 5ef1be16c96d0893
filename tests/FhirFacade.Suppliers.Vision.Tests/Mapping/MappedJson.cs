using System.Text.Json.Nodes;
using FhirFacade.Fhir.Resources;
using FhirFacade.Suppliers.Vision.Mapping;
using FhirFacade.TestKit.Fhir;
using FhirFacade.TestKit.Server;

namespace FhirFacade.Suppliers.Vision.Tests.Mapping;

/// <summary>Mapper outputs as FHIR JSON, and a mapping context for C83001.</summary>
internal static class MappedJson
{
    public static VisionMappingContext Context() => new("C83001", "Oakfield Surgery (C83001)", VisionMessages.Nhs, TestResourceIds.Codec);

    public static JsonNode Of(Resource resource) => JsonNode.Parse(TestFhir.JsonSerializer.Serialize(resource.ToElementNode(TestFhir.Model)))!;
}
