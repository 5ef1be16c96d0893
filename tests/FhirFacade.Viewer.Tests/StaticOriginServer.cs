using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FhirFacade.Viewer.Tests;

/// <summary>
/// A tiny web server on a loopback port of its own — another browser origin than the facade's — serving
/// a blank page at <c>/page.html</c> and, when told where from, the viewer's files under <c>/viewer/</c>
/// (fetched from a facade, so the same build is served from elsewhere). Stops when disposed.
/// </summary>
public sealed class StaticOriginServer : IAsyncDisposable
{
    private const string BlankPage = "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>another origin</title></head><body><p>A page of another origin.</p></body></html>";

    private readonly HttpListener _listener = new();
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(30) };
    private Task _serving = Task.CompletedTask;
    private string? _viewerSource;

    private StaticOriginServer(int port)
    {
        Origin = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Origin + "/");
    }

    /// <summary>The origin pages served here have, e.g. <c>http://127.0.0.1:41235</c>.</summary>
    public string Origin { get; }

    public static StaticOriginServer Start()
    {
        var server = new StaticOriginServer(FreePort());
        server._listener.Start();
        server._serving = server.ServeAsync();
        return server;
    }

    /// <summary>Serves <c>/viewer/…</c> as the facade at <paramref name="facadeRoot"/> serves it.</summary>
    public void ServeViewerFrom(string facadeRoot) => _viewerSource = facadeRoot;

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
        _client.Dispose();
    }

    private async Task ServeAsync()
    {
        while (true)
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

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var path = context.Request.Url!.AbsolutePath;
            if (path == "/page.html")
            {
                await WriteAsync(response, 200, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(BlankPage));
            }
            else if (_viewerSource is not null && path.StartsWith("/viewer/", StringComparison.Ordinal))
            {
                using var answer = await _client.GetAsync(new Uri(_viewerSource + path));
                await WriteAsync(response, (int)answer.StatusCode, answer.Content.Headers.ContentType?.ToString() ?? "application/octet-stream", await answer.Content.ReadAsByteArrayAsync());
            }
            else
            {
                await WriteAsync(response, 404, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes("not here"));
            }
        }
        catch (Exception exception) when (exception is HttpListenerException or HttpRequestException or IOException or ObjectDisposedException)
        {
            // The browser went away, the facade did not answer, or the server is stopping: drop the connection.
            response.Abort();
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, int status, string contentType, byte[] body)
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
        response.Close();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
