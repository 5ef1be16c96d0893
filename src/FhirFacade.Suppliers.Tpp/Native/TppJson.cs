using System.Text.Json;
using System.Text.Json.Serialization;

namespace FhirFacade.Suppliers.Tpp.Native;

/// <summary>The JSON settings of the TPP query API: camelCase, nulls left out of requests, numbers strictly typed.</summary>
internal static class TppJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.Strict,
    };
}
