using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FhirFacade.Cli.Tests.TestScripts;

/// <summary>
/// A tiny HTTP server on a free loopback port that answers canned responses by method and path (and
/// query, when a route names one) and records every request it receives, in order. Unmatched requests
/// get 404 with an OperationOutcome. Stops when disposed.
/// </summary>
internal sealed class ScriptedFhirServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<(string Method, string Path, CannedResponse Response)> _routes = [];
    private readonly Task _loop;

    public ScriptedFhirServer()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                _listener.Start();
                BaseUrl = $"http://127.0.0.1:{port}/fhir";
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }

        _loop = Task.Run(LoopAsync);
    }

    public string BaseUrl { get; private set; } = string.Empty;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Answers <paramref name="method"/> on <paramref name="pathAndQuery"/> (after <c>/fhir</c>; without a query it matches any query).</summary>
    public ScriptedFhirServer On(string method, string pathAndQuery, CannedResponse response)
    {
        _routes.Add((method, pathAndQuery, response));
        return this;
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }

        _listener.Close();
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            await AnswerAsync(context);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var raw = request.RawUrl ?? "/";
        var relative = raw.StartsWith("/fhir", StringComparison.Ordinal) ? raw["/fhir".Length..] : raw;
        var headers = request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => request.Headers[k] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
        Requests.Enqueue(new RecordedRequest(request.HttpMethod, relative, headers, body));

        var path = relative.Split('?')[0];
        var route = _routes.LastOrDefault(r => r.Method == request.HttpMethod && (r.Path == relative || (!r.Path.Contains('?', StringComparison.Ordinal) && r.Path == path)));
        var canned = route.Response ?? CannedResponse.NotFound;
        var response = context.Response;
        response.StatusCode = canned.Status;
        foreach (var (name, value) in canned.Headers)
        {
            response.Headers[name] = value;
        }

        if (canned.Body.Length > 0)
        {
            response.ContentType = canned.ContentType;
            var bytes = Encoding.UTF8.GetBytes(canned.Body);
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
        }

        response.Close();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A request the scripted server received: method, path and query after <c>/fhir</c> as sent, headers and body.</summary>
internal sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>A canned answer.</summary>
internal sealed record CannedResponse(int Status, string Body, string ContentType = "application/fhir+json; charset=utf-8")
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static CannedResponse NotFound { get; } = new(404, """{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-found"}]}""");

    public static CannedResponse Json(string body, int status = 200) => new(status, body);
}
