using System.Text.Json;

namespace FhirFacade.Suppliers.Microtest.Native;

/// <summary>The Evolution JSON conventions: snake_case properties, <c>null</c> for absent values.</summary>
internal static class MicrotestJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
