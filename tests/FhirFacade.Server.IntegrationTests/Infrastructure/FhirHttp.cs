using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace FhirFacade.Server.IntegrationTests.Infrastructure;

/// <summary>Small helpers to call the facade and parse what comes back.</summary>
public static class FhirHttp
{
    public const string Nhs = "https://fhir.nhs.uk/Id/nhs-number|";
    public const string JsonContentType = "application/fhir+json; charset=utf-8";

    public static async Task<FhirResponse> FhirGetAsync(this HttpClient client, string url, string? accept = null, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await Send(client, request);
    }

    private static async Task<FhirResponse> Send(HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonNode.Parse(text) : null;
        return new FhirResponse(response.StatusCode, response.Content.Headers.ContentType?.ToString(), body, response);
    }

    public static async Task<FhirResponse> PostFormAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        return await Send(client, request);
    }

    public static async Task<FhirResponse> FhirSendAsync(this HttpClient client, HttpMethod method, string url, string? body = null, string contentType = "application/fhir+json")
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return await Send(client, request);
    }
}
