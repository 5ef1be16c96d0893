namespace FhirFacade.Suppliers.Microtest.Native;

/// <summary>The OAuth2 token answer.</summary>
internal sealed record MicrotestTokenResponse(string? AccessToken, string? TokenType, int? ExpiresIn);
