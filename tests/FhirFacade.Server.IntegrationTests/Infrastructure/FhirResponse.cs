using System.Net;
using System.Text.Json.Nodes;

namespace FhirFacade.Server.IntegrationTests.Infrastructure;

/// <summary>A response with its parsed JSON body.</summary>
public sealed record FhirResponse(HttpStatusCode Status, string? ContentType, JsonNode? Body, HttpResponseMessage Message)
{
    public string? ResourceType => Body?["resourceType"]?.GetValue<string>();

    /// <summary>The resources of a Bundle's entries with the given search mode.</summary>
    public IReadOnlyList<JsonNode> Entries(string mode = "match") =>
        [.. (Body?["entry"]?.AsArray() ?? []).Where(e => e!["search"]?["mode"]?.GetValue<string>() == mode).Select(e => e!["resource"]!)];

    /// <summary>The issues of the Bundle's outcome entry, or of an OperationOutcome body.</summary>
    public IReadOnlyList<JsonNode> Issues()
    {
        var outcome = ResourceType == "OperationOutcome" ? Body : (Entries("outcome") is { Count: > 0 } outcomes ? outcomes[0] : null);
        return [.. (outcome?["issue"]?.AsArray() ?? []).Select(i => i!)];
    }

    /// <summary>The Spine codes of <see cref="Issues"/>.</summary>
    public IReadOnlyList<string> SpineCodes() =>
        [.. Issues().SelectMany(i => i["details"]?["coding"]?.AsArray() ?? []).Select(c => c!["code"]!.GetValue<string>())];

    public int? Total => Body?["total"]?.GetValue<int>();

    public string? Link(string relation) =>
        (Body?["link"]?.AsArray() ?? []).FirstOrDefault(l => l!["relation"]!.GetValue<string>() == relation)?["url"]?.GetValue<string>();

    public string Header(string name) =>
        Message.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : Message.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(",", contentValues)
        : string.Empty;
}
