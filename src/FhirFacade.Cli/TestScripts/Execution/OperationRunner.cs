using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using FhirFacade.Cli.TestScripts.Definitions;

namespace FhirFacade.Cli.TestScripts.Execution;

/// <summary>
/// Sends one <c>action.operation</c>: builds the URL (<c>url</c>, else <c>resource</c> + <c>params</c>, else
/// <c>targetId</c>, else what the type implies), the method (<c>method</c>, else the type's), the headers
/// (the run's extra headers, <c>accept</c>, <c>contentType</c>, then <c>requestHeader</c>, which wins) and
/// the body (<c>sourceId</c>), and records the exchange as the last one and under <c>requestId</c>/<c>responseId</c>.
/// </summary>
internal sealed class OperationRunner(HttpClient http, string baseUrl, IReadOnlyList<KeyValuePair<string, string>> extraHeaders)
{
    private static readonly HashSet<string> GetTypes = ["read", "vread", "search", "history", "capabilities"];

    public string BaseUrl { get; } = baseUrl.TrimEnd('/');

    public async Task<ActionResult> RunAsync(ScriptOperation operation, ScriptState state, CancellationToken cancellationToken)
    {
        var title = operation.Label ?? operation.Description ?? $"{operation.Type ?? operation.Method ?? "operation"} {operation.Resource}".Trim();
        var (request, error) = Build(operation, state);
        if (request is null)
        {
            state.Last = null;
            return new ActionResult(true, ActionOutcome.Error, title, error!);
        }

        var requestFixture = await RequestFixtureAsync(request, cancellationToken);
        if (operation.RequestId is not null)
        {
            state.SetFixture(operation.RequestId, requestFixture);
        }

        var detail = $"{request.Method.Method} {request.RequestUri!.OriginalString}";
        Fixture response;
        try
        {
            using (request)
            using (var answer = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken))
            {
                response = await ResponseFixtureAsync(answer, state, cancellationToken);
            }
        }
        catch (HttpRequestException exception)
        {
            state.Last = new Exchange(requestFixture, null);
            return new ActionResult(true, ActionOutcome.Error, title, $"{detail} could not be sent: {exception.Message}") { Detail = detail };
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            state.Last = new Exchange(requestFixture, null);
            return new ActionResult(true, ActionOutcome.Error, title, $"{detail} timed out after {http.Timeout.TotalSeconds:0} s") { Detail = detail };
        }

        state.Last = new Exchange(requestFixture, response);
        if (operation.ResponseId is not null)
        {
            state.SetFixture(operation.ResponseId, response);
        }

        return new ActionResult(true, ActionOutcome.Pass, title, $"{detail} → {response.Status}") { Detail = detail };
    }

    private (HttpRequestMessage? Request, string? Error) Build(ScriptOperation operation, ScriptState state)
    {
        var type = operation.Type;
        var method = operation.Method?.ToUpperInvariant() ?? MethodOf(type, operation.SourceId is not null);
        var postSearch = type == "search" && method == "POST" && operation.SourceId is null && operation.Url is null;

        string url;
        if (operation.Url is not null)
        {
            var (value, error) = state.Substitute(operation.Url);
            if (value is null)
            {
                return (null, error);
            }

            url = value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                ? value
                : BaseUrl + (value.StartsWith('/') ? value : "/" + value);
        }
        else if (operation.Params is not null)
        {
            var (value, error) = state.Substitute(operation.Params);
            if (value is null)
            {
                return (null, error);
            }

            // params follow [type]; a capabilities operation has no type, so they follow metadata (?mode=terse).
            var prefix = operation.Resource is not null ? "/" + operation.Resource : type == "capabilities" ? "/metadata" : string.Empty;
            url = BaseUrl + prefix + (postSearch ? "/_search" : value);
        }
        else if (operation.TargetId is not null)
        {
            var target = state.FindFixture(operation.TargetId)?.Resource;
            var id = target?.Child("id")?.Text;
            if (target is null || id is null)
            {
                return (null, $"operation.targetId {operation.TargetId} names no fixture holding a resource with an id");
            }

            url = $"{BaseUrl}/{target.InstanceType}/{id}";
            if (type is "vread" or "history")
            {
                url += "/_history";
                if (type == "vread")
                {
                    var version = target.Child("meta")?.Child("versionId")?.Text;
                    if (version is null)
                    {
                        return (null, $"operation.targetId {operation.TargetId}: a vread needs the fixture's meta.versionId");
                    }

                    url += "/" + version;
                }
            }
        }
        else
        {
            url = type switch
            {
                "capabilities" => BaseUrl + "/metadata",
                "history" => BaseUrl + (operation.Resource is null ? string.Empty : "/" + operation.Resource) + "/_history",
                "search" when postSearch => BaseUrl + "/" + operation.Resource + "/_search",
                "search" or "create" when operation.Resource is not null => BaseUrl + "/" + operation.Resource,
                "batch" or "transaction" => BaseUrl,
                _ => string.Empty,
            };
            if (url.Length == 0)
            {
                return (null, $"operation {type ?? "(no type)"} names no request: give url, params or targetId (tst-8)");
            }
        }

        if (operation.EncodeRequestUrl)
        {
            url = EncodeQuery(url);
        }

        if (!Uri.TryCreate(url, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = !operation.EncodeRequestUrl }, out var uri) || !uri.IsAbsoluteUri)
        {
            return (null, $"'{url}' is not a valid request URL");
        }

        var request = new HttpRequestMessage(new HttpMethod(method), uri);
        foreach (var (field, value) in extraHeaders)
        {
            request.Headers.TryAddWithoutValidation(field, value);
        }

        if (operation.Accept is not null && MimeTypes.Expand(operation.Accept) is { } accept)
        {
            request.Headers.Remove("Accept");
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        var contentType = operation.ContentType is null ? null : MimeTypes.Expand(operation.ContentType);
        string? body = null;
        if (operation.SourceId is not null)
        {
            var source = state.FindFixture(operation.SourceId);
            if (source is null)
            {
                request.Dispose();
                return (null, $"operation.sourceId {operation.SourceId} names no fixture");
            }

            body = source.Resource is not null ? state.Services.Serialize(source.Resource, contentType) : source.Body;
            contentType ??= MimeTypes.FhirJson;
        }
        else if (postSearch)
        {
            var (parameters, _) = state.Substitute(operation.Params);
            body = QueryOf(parameters ?? string.Empty).TrimStart('?');
            contentType = MimeTypes.FormUrlEncoded;
            if (operation.EncodeRequestUrl)
            {
                body = EncodeQuery("?" + body).TrimStart('?');
            }
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (field, value) in operation.RequestHeaders)
        {
            var (substituted, error) = state.Substitute(value);
            if (substituted is null)
            {
                request.Dispose();
                return (null, error);
            }

            headers.Add(KeyValuePair.Create(field, substituted));
        }

        var headerContentType = headers.LastOrDefault(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)).Value;
        if (body is not null || headerContentType is not null)
        {
            request.Content = new StringContent(body ?? string.Empty, Encoding.UTF8);
            request.Content.Headers.ContentType = null;
            request.Content.Headers.TryAddWithoutValidation("Content-Type", headerContentType ?? contentType ?? MimeTypes.FhirJson);
        }

        foreach (var (field, value) in headers.Where(h => !string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            request.Headers.Remove(field);
            request.Headers.TryAddWithoutValidation(field, value);
        }

        return (request, null);
    }

    private static string MethodOf(string? type, bool hasBody) => type switch
    {
        null => "GET",
        _ when GetTypes.Contains(type) => "GET",
        "create" or "batch" or "transaction" => "POST",
        "update" or "updateCreate" => "PUT",
        "delete" or "deleteCondSingle" or "deleteCondMultiple" => "DELETE",
        "patch" => "PATCH",

        // A named operation ($everything, $validate, …): GET unless the script gives it a body.
        _ => hasBody ? "POST" : "GET",
    };

    private static string QueryOf(string parameters)
    {
        var index = parameters.IndexOf('?', StringComparison.Ordinal);
        return index < 0 ? string.Empty : parameters[index..];
    }

    /// <summary>Percent-encodes each query name and value as a RESTful client does (<c>|</c> → <c>%7C</c>), leaving the path alone.</summary>
    internal static string EncodeQuery(string url)
    {
        var index = url.IndexOf('?', StringComparison.Ordinal);
        if (index < 0 || index == url.Length - 1)
        {
            return url;
        }

        var parts = url[(index + 1)..].Split('&').Select(part =>
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            return equals < 0
                ? Escape(part)
                : Escape(part[..equals]) + "=" + Escape(part[(equals + 1)..]);
        });
        return url[..(index + 1)] + string.Join('&', parts);
    }

    private static string Escape(string component) => Uri.EscapeDataString(Uri.UnescapeDataString(component));

    private static async Task<Fixture> RequestFixtureAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = Headers(request.Headers, request.Content?.Headers);
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        return new Fixture
        {
            Method = request.Method.Method.ToLowerInvariant(),
            Url = request.RequestUri?.OriginalString,
            Headers = headers,
            Body = body,
        };
    }

    private static async Task<Fixture> ResponseFixtureAsync(HttpResponseMessage response, ScriptState state, CancellationToken cancellationToken)
    {
        var headers = Headers(response.Headers, response.Content.Headers);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var body = Encoding.UTF8.GetString(Decompress(bytes, headers.GetValueOrDefault("Content-Encoding")));
        var mediaType = headers.TryGetValue("Content-Type", out var contentType) ? contentType.Split(';')[0].Trim() : null;
        return new Fixture
        {
            Status = (int)response.StatusCode,
            Headers = headers,
            Body = body,
            Resource = state.Services.ParseBody(body, mediaType),
        };
    }

    // The body is decoded for reading, but the headers stay as the server sent them (so Content-Encoding can be asserted).
    private static byte[] Decompress(byte[] bytes, string? encoding)
    {
        if (encoding is null || bytes.Length == 0)
        {
            return bytes;
        }

        using var input = new MemoryStream(bytes);
        using Stream decoder = encoding.Trim().ToLowerInvariant() switch
        {
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            "deflate" => new ZLibStream(input, CompressionMode.Decompress),
            _ => input,
        };
        if (ReferenceEquals(decoder, input))
        {
            return bytes;
        }

        using var output = new MemoryStream();
        try
        {
            decoder.CopyTo(output);
        }
        catch (InvalidDataException)
        {
            return bytes;
        }

        return output.ToArray();
    }

    private static Dictionary<string, string> Headers(HttpHeaders headers, HttpHeaders? contentHeaders)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in headers.NonValidated)
        {
            result[name] = string.Join(", ", values);
        }

        if (contentHeaders is not null)
        {
            foreach (var (name, values) in contentHeaders.NonValidated)
            {
                result[name] = string.Join(", ", values);
            }
        }

        return result;
    }
}
