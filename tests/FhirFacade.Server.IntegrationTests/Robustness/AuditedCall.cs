using System.Text;
using FhirFacade.Core.Audit;
using FhirFacade.Server.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FhirFacade.Server.IntegrationTests.Robustness;

/// <summary>
/// One request to the in-memory server with its own correlation id, and what came back: status,
/// content type, the body as text, whether it is an OperationOutcome, and the audit records written
/// under that correlation id.
/// </summary>
internal sealed record AuditedCall(int Status, string? ContentType, string Body, IReadOnlyList<AuditRecord> Audit)
{
    public bool IsOperationOutcome => FuzzOracle.FormatOf(ContentType) is { } format && FuzzOracle.IsOperationOutcome(Encoding.UTF8.GetBytes(Body), format);

    public FhirFormat? Format => FuzzOracle.FormatOf(ContentType);

    /// <summary>Sends <paramref name="request"/> (its X-Request-Id is set here) and reads back its audit records.</summary>
    public static async Task<AuditedCall> SendAsync(HttpClient client, IServiceProvider services, HttpRequestMessage request)
    {
        var correlationId = "rb-" + Guid.NewGuid().ToString("N");
        request.Headers.Remove(CorrelationIdMiddleware.HeaderName);
        request.Headers.Add(CorrelationIdMiddleware.HeaderName, correlationId);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var audit = await services.GetRequiredService<IAuditTrail>().SearchAsync(new AuditQuery { CorrelationId = correlationId }, CancellationToken.None);
        return new AuditedCall((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), body, [.. audit.Select(e => e.Record)]);
    }
}
