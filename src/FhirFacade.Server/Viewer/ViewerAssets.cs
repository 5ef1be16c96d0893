using System.Collections.Frozen;
using System.Reflection;

namespace FhirFacade.Server.Viewer;

/// <summary>
/// The files embedded in this assembly at build time: the viewer's bundle
/// (<c>src/FhirFacade.Viewer/FhirFacade.Viewer.targets</c>) and the documents the landing page links.
/// Read once; served from memory, so the server needs nothing beside its binaries.
/// </summary>
internal sealed class ViewerAssets
{
    public const string ViewerPrefix = "FhirFacade.Viewer/";
    public const string DocsPrefix = "FhirFacade.Docs/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".md"] = "text/plain; charset=utf-8",
        [".json"] = "application/json",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, Asset> _assets;

    public ViewerAssets()
        : this(typeof(ViewerAssets).Assembly)
    {
    }

    internal ViewerAssets(Assembly assembly)
    {
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ViewerPrefix, StringComparison.Ordinal) || n.StartsWith(DocsPrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var contentType = ContentTypes.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream");
            assets[name] = new Asset(memory.ToArray(), contentType);
        }

        _assets = assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary><see langword="true"/> when the viewer was built into this assembly (not with -p:BuildViewer=false).</summary>
    public bool HasViewer => _assets.ContainsKey(ViewerPrefix + "index.html");

    /// <summary>The names of the embedded documents (e.g. <c>api.md</c>).</summary>
    public IEnumerable<string> Documents => _assets.Keys.Where(k => k.StartsWith(DocsPrefix, StringComparison.Ordinal)).Select(k => k[DocsPrefix.Length..]).Order(StringComparer.Ordinal);

    public Asset? Find(string prefix, string file) =>
        _assets.TryGetValue(prefix + file, out var asset) ? asset : null;

    /// <summary>One embedded file.</summary>
    public sealed record Asset(byte[] Content, string ContentType);
}
