using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Serialization.Json;
using FhirFacade.Fhir.Serialization.Xml;

namespace FhirFacade.Cli.Commands.Shared;

/// <summary>Reads and writes FHIR resource files in the format their extension names.</summary>
internal sealed class FhirFiles(IFhirModel model)
{
    private readonly FhirJsonParser _jsonParser = new(model);

    public static FhirFormat FormatOf(FileInfo file) => file.Extension.ToUpperInvariant() switch
    {
        ".JSON" => FhirFormat.Json,
        ".XML" => FhirFormat.Xml,
        _ => FhirFormat.Unknown,
    };

    public FhirParseResult Read(FileInfo file, bool lenient)
    {
        using var stream = file.OpenRead();
        return FormatOf(file) switch
        {
            FhirFormat.Json => _jsonParser.Parse(stream, new FhirJsonParserOptions { Lenient = lenient }),
            FhirFormat.Xml => new FhirXmlParser(model, new FhirXmlParserOptions { Lenient = lenient }).Parse(stream),
            _ => throw new ArgumentException($"'{file.Name}' is neither .json nor .xml.", nameof(file)),
        };
    }

    public static void Write(ElementNode resource, FileInfo file, bool pretty)
    {
        using var stream = file.Create();
        switch (FormatOf(file))
        {
            case FhirFormat.Json:
                new FhirJsonSerializer().Serialize(resource, stream, new FhirJsonSerializerOptions { Pretty = pretty });
                break;
            case FhirFormat.Xml:
                FhirXmlSerializer.Serialize(resource, stream, new FhirXmlSerializerOptions { Pretty = pretty });
                break;
            default:
                throw new ArgumentException($"'{file.Name}' is neither .json nor .xml.", nameof(file));
        }
    }
}
