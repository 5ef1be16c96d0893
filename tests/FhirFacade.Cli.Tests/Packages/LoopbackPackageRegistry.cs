using System.Collections.Concurrent;
using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace FhirFacade.Cli.Tests.Packages;

/// <summary>
/// A FHIR package registry on 127.0.0.1 speaking the npm protocol: <c>GET /{name}</c> lists the versions with
/// their <c>dist.tarball</c>, <c>GET /tarballs/{name}/{version}.tgz</c> serves a tarball built in memory.
/// Records every path asked for. Stops when disposed.
/// </summary>
internal sealed class LoopbackPackageRegistry : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, Dictionary<string, byte[]>> _packages = new(StringComparer.Ordinal);
    private readonly Task _loop;

    public LoopbackPackageRegistry()
    {
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Adds a package whose tarball holds <c>package/package.json</c> (name, version, dependencies) and one resource.</summary>
    public void Add(string name, string version, IReadOnlyDictionary<string, string>? dependencies = null, string? manifestName = null, string? manifestVersion = null)
    {
        var manifest = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["name"] = manifestName ?? name,
            ["version"] = manifestVersion ?? version,
            ["fhirVersions"] = new[] { "4.0.1" },
            ["dependencies"] = dependencies ?? new Dictionary<string, string>(),
        });
        var resource = $$"""{"resourceType":"ValueSet","id":"{{name}}-vs","url":"http://example.org/{{name}}","status":"active"}""";
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            Write(tar, "package/package.json", manifest);
            Write(tar, "package/ValueSet-vs.json", resource);
        }

        if (!_packages.TryGetValue(name, out var versions))
        {
            _packages[name] = versions = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        }

        versions[version] = buffer.ToArray();
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    private static void Write(TarWriter tar, string path, string content)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, path) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) };
        tar.WriteEntry(entry);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var response = context.Response;
            var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
            Requests.Enqueue(path);
            var (status, type, body) = Answer(path);
            response.StatusCode = status;
            response.ContentType = type;
            response.ContentLength64 = body.Length;
            await response.OutputStream.WriteAsync(body);
        }
    }

    private (int Status, string Type, byte[] Body) Answer(string path)
    {
        var parts = path.Trim('/').Split('/');
        if (parts.Length == 1 && _packages.TryGetValue(parts[0], out var listed))
        {
            var document = new Dictionary<string, object>
            {
                ["name"] = parts[0],
                ["versions"] = listed.Keys.ToDictionary(
                    v => v,
                    v => (object)new { name = parts[0], version = v, dist = new { tarball = new Uri(BaseAddress, $"tarballs/{parts[0]}/{v}.tgz").AbsoluteUri } }),
            };
            return (200, "application/json", JsonSerializer.SerializeToUtf8Bytes(document));
        }

        if (parts.Length == 3 && parts[0] == "tarballs" && _packages.TryGetValue(parts[1], out var versions)
            && parts[2].EndsWith(".tgz", StringComparison.Ordinal) && versions.TryGetValue(parts[2][..^4], out var tarball))
        {
            return (200, "application/gzip", tarball);
        }

        return (404, "application/json", """{"error":"not found"}"""u8.ToArray());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
