using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Serialization.Json;
using FhirFacade.Fhir.Serialization.Xml;
using FhirFacade.Fhir.Validation;

namespace FhirFacade.Cli.TestScripts.Execution;

/// <summary>
/// The kernel services a run uses: the readers for bodies and fixtures (JSON and XML), and the
/// project's validator for <c>validateProfileId</c>, built on first use (it compiles profiles).
/// </summary>
internal sealed class TestScriptServices
{
    private readonly Lazy<FhirValidator> _validator;

    public TestScriptServices(FhirKernel kernel)
    {
        Kernel = kernel;
        _validator = new Lazy<FhirValidator>(() => FhirValidation.CreateValidator(kernel.Packages, kernel.Model), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public FhirKernel Kernel { get; }

    public FhirValidator Validator => _validator.Value;

    /// <summary>Reads a body as a FHIR resource (XML when the media type or the first character says so); <see langword="null"/> when it is none.</summary>
    public ElementNode? ParseBody(string body, string? mediaType)
    {
        var trimmed = body.AsSpan().TrimStart();
        if (trimmed.IsEmpty)
        {
            return null;
        }

        var xml = trimmed[0] == '<' || (mediaType?.Contains("xml", StringComparison.OrdinalIgnoreCase) ?? false);
        var parsed = xml
            ? new FhirXmlParser(Kernel.Model, new FhirXmlParserOptions { Lenient = true }).Parse(body)
            : Kernel.JsonParser.Parse(body, FhirJsonParserOptions.LenientDefault);
        return parsed.Root;
    }

    /// <summary>Writes a resource as a request body in the format a content type names (JSON unless it says XML).</summary>
    public string Serialize(ElementNode resource, string? mediaType) =>
        mediaType?.Contains("xml", StringComparison.OrdinalIgnoreCase) ?? false
            ? FhirXmlSerializer.Serialize(resource)
            : Kernel.JsonSerializer.Serialize(resource);
}
