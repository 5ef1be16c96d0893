using FhirFacade.Fhir.Model;

namespace FhirFacade.Cli.TestScripts.Execution;

/// <summary>
/// What a fixture id names: a static resource read from a file, or one side of an HTTP exchange
/// (its headers, status and body, and the body read as FHIR when it is a resource).
/// </summary>
internal sealed class Fixture
{
    public ElementNode? Resource { get; init; }

    /// <summary>The body as text (empty for a static fixture or a bodiless message).</summary>
    public string Body { get; init; } = string.Empty;

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The HTTP status of a response; <see langword="null"/> for a request or a static fixture.</summary>
    public int? Status { get; init; }

    /// <summary>The method of the request (lower case, as <c>assert.requestMethod</c> spells it).</summary>
    public string? Method { get; init; }

    /// <summary>The request URL as sent.</summary>
    public string? Url { get; init; }

    /// <summary>The media type of <c>Content-Type</c>, without parameters; <see langword="null"/> when absent.</summary>
    public string? MediaType => Headers.TryGetValue("Content-Type", out var value) ? value.Split(';')[0].Trim() : null;

    public static Fixture Static(ElementNode resource) => new() { Resource = resource };
}
