using System.Buffers;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace FhirFacade.Server.Http;

/// <summary>
/// Reads an <c>application/x-www-form-urlencoded</c> body (the only body the facade accepts) within
/// <see cref="RequestLimitsOptions"/>: the media type and charset first (anything else, multipart
/// included, is 415 before a byte is read), then at most <see cref="RequestLimitsOptions.MaxFormBodyBytes"/>
/// (413) within <see cref="RequestLimitsOptions.FormBodyTimeout"/> (408), then the parameter limits
/// (400). A body Kestrel cannot read surfaces as its <see cref="BadHttpRequestException"/>, which
/// the exception handler answers with its 4xx status. Parameters keep the order the client wrote them.
/// </summary>
internal sealed class FormBodyReader(IOptions<RequestLimitsOptions> options, TimeProvider timeProvider)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly RequestLimitsOptions _limits = options.Value;

    /// <summary>The form's parameters in order; <paramref name="what"/> names the interaction in a 415.</summary>
    public async Task<List<KeyValuePair<string, string>>> ReadParametersAsync(HttpRequest request, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsUtf8Form(request))
        {
            throw RequestRejections.NotAForm(what);
        }

        if (request.ContentLength > _limits.MaxFormBodyBytes)
        {
            throw RequestRejections.BodyTooLarge(_limits.MaxFormBodyBytes);
        }

        var bytes = await ReadBodyAsync(request, cancellationToken);
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes.Span);
        }
        catch (DecoderFallbackException)
        {
            throw RequestRejections.NotUtf8();
        }

        var parameters = RequestParameters.Parse(text);
        RequestParameters.EnforceLimits(parameters, _limits);
        return parameters;
    }

    /// <summary>The same, as a form collection (first value per name wins in lookups), for the development issuer.</summary>
    public async Task<IFormCollection> ReadFormAsync(HttpRequest request, string what, CancellationToken cancellationToken)
    {
        var parameters = await ReadParametersAsync(request, what, cancellationToken);
        var fields = parameters
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new StringValues([.. g.Select(p => p.Value)]), StringComparer.Ordinal);
        return new FormCollection(fields);
    }

    // application/x-www-form-urlencoded, with no charset or a UTF-8 one (US-ASCII is a subset), and no content coding.
    private static bool IsUtf8Form(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals(FhirMediaTypes.FormUrlEncoded, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var charset = mediaType.Charset.HasValue ? HeaderUtilities.RemoveQuotes(mediaType.Charset).ToString() : null;
        if (charset is not null && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var coding = request.Headers.ContentEncoding.ToString();
        return coding.Length == 0 || coding.Equals("identity", StringComparison.OrdinalIgnoreCase);
    }

    private async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_limits.FormBodyTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var buffer = new ArrayBufferWriter<byte>(Math.Min(_limits.MaxFormBodyBytes, (int?)request.ContentLength ?? 1024) + 1);
        try
        {
            while (true)
            {
                var memory = buffer.GetMemory(1024);
                var read = await request.Body.ReadAsync(memory, linked.Token);
                if (read == 0)
                {
                    return buffer.WrittenMemory;
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > _limits.MaxFormBodyBytes)
                {
                    throw RequestRejections.BodyTooLarge(_limits.MaxFormBodyBytes);
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw RequestRejections.BodyTooSlow(_limits.FormBodyTimeout);
        }
    }
}
