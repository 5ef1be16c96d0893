namespace FhirFacade.Server.IntegrationTests.Robustness;

/// <summary>What came back for a <see cref="FuzzRequest"/> (or that the client could not complete it).</summary>
/// <param name="Status">The HTTP status, 0 when no answer arrived.</param>
/// <param name="ContentType">The Content-Type, if any.</param>
/// <param name="Body">The body bytes.</param>
/// <param name="CorrelationId">The X-Request-Id of the answer: present on every answer the application wrote.</param>
/// <param name="RetryAfter">Whether the answer carried Retry-After.</param>
/// <param name="ClientError">Why the client got no answer, when it got none.</param>
internal sealed record FuzzResponse(int Status, string? ContentType, byte[] Body, string? CorrelationId, bool RetryAfter, string? ClientError = null);
