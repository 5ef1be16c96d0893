using System.Net;
using FhirFacade.Core.Audit;
using FhirFacade.Server.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FhirFacade.Server.IntegrationTests.Rest;

/// <summary>
/// One request with its own correlation id, and what came back, as bytes on the wire (not decompressed): status,
/// headers (response and content), the body, and the audit records written under that correlation id.
/// </summary>
internal sealed record RestCall(HttpStatusCode Status, IReadOnlyDictionary<string, string> Headers, byte[] Body, IReadOnlyList<AuditRecord> Audit)
{
    /// <summary>A header's value (several joined with ", "), or <see langword="null"/>.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public static async Task<RestCall> SendAsync(HttpClient client, IServiceProvider services, HttpRequestMessage request)
    {
        var correlationId = "rest-" + Guid.NewGuid().ToString("N");
        request.Headers.Remove(CorrelationIdMiddleware.HeaderName);
        request.Headers.Add(CorrelationIdMiddleware.HeaderName, correlationId);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        var audit = await services.GetRequiredService<IAuditTrail>().SearchAsync(new AuditQuery { CorrelationId = correlationId }, CancellationToken.None);
        return new RestCall(response.StatusCode, headers, body, [.. audit.Select(e => e.Record)]);
    }

    /// <summary>Sends <paramref name="method"/> to <paramref name="url"/> with extra request headers.</summary>
    public static async Task<RestCall> SendAsync(HttpClient client, IServiceProvider services, string method, string url, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await SendAsync(client, services, request);
    }
}
