using System.Buffers;
using System.Text;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Serialization.Json;

/// <summary>
/// Reads FHIR R4 JSON (<see href="https://hl7.org/fhir/R4/json.html"/>) into a typed
/// <see cref="ElementNode"/> tree: every node knows its FHIR type and definition, choice elements are
/// resolved (<c>valueQuantity</c> → <c>value</c> of type <c>Quantity</c>), <c>_name</c> parts are merged
/// into their primitive, numbers keep their written text. Never throws for bad data: every breach of
/// the JSON rules is an <see cref="Issues.Issue"/> with a stable code (<see cref="JsonIssueCodes"/>).
/// Thread-safe; create once per model and share.
/// </summary>
public sealed class FhirJsonParser
{
    private readonly IFhirModel _model;

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>Creates a parser over a model (usually <see cref="FhirKernel.Model"/>).</summary>
    public FhirJsonParser(IFhirModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    /// <summary>Parses UTF-8 JSON.</summary>
    public FhirParseResult Parse(ReadOnlySpan<byte> utf8Json, FhirJsonParserOptions? options = null)
    {
        options ??= FhirJsonParserOptions.Strict;
        if (utf8Json.StartsWith(Utf8ByteOrderMark))
        {
            utf8Json = utf8Json[Utf8ByteOrderMark.Length..];
        }

        var session = new JsonParseSession(_model, options, utf8Json);
        var root = session.ParseDocument(utf8Json);
        return new FhirParseResult(root, session.Issues);
    }

    /// <summary>Parses JSON text.</summary>
    public FhirParseResult Parse(string json, FhirJsonParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var length = Encoding.UTF8.GetMaxByteCount(json.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(json, buffer);
            return Parse(buffer.AsSpan(0, written), options);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Parses UTF-8 JSON read to the end of <paramref name="stream"/>.</summary>
    public FhirParseResult Parse(Stream stream, FhirJsonParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), options);
    }

    /// <summary>Reads <paramref name="stream"/> to the end asynchronously, then parses it.</summary>
    public async Task<FhirParseResult> ParseAsync(Stream stream, FhirJsonParserOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), options);
    }
}
