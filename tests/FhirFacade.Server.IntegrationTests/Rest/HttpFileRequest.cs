namespace FhirFacade.Server.IntegrationTests.Rest;

/// <summary>One request of a <see cref="HttpFile"/>, unresolved.</summary>
internal sealed record HttpFileRequest(string Title, string? Name, int? Expect, string Method, string Url, IReadOnlyList<KeyValuePair<string, string>> Headers, string? Body);
