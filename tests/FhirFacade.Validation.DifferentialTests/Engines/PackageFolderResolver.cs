using System.Collections.Concurrent;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;

namespace FhirFacade.Validation.DifferentialTests.Engines;

/// <summary>
/// Firely's view of the same FHIR package folders the kernel loads (<c>../shared/fhir-packages</c>):
/// every canonical resource listed in a package's <c>.index.json</c>, parsed on first use.
/// <c>Firely.Fhir.Packages</c> is not in the package source, so this stands in for its package resolver.
/// </summary>
internal sealed class PackageFolderResolver : IResourceResolver, IAsyncResourceResolver
{
    private readonly Dictionary<string, string> _filesByCanonical = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Resource?> _parsed = new(StringComparer.Ordinal);
    private readonly FhirJsonDeserializer _deserializer = new(new DeserializerSettings().UsingMode(DeserializationMode.Recoverable));

    public PackageFolderResolver(IEnumerable<string> packageFolders)
    {
        foreach (var folder in packageFolders)
        {
            using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, ".index.json")));
            foreach (var file in index.RootElement.GetProperty("files").EnumerateArray())
            {
                if (file.TryGetProperty("url", out var url) && url.GetString() is { } canonical)
                {
                    _filesByCanonical.TryAdd(canonical, Path.Combine(folder, file.GetProperty("filename").GetString()!));
                }
            }
        }
    }

    /// <summary>How many canonical resources the folders list.</summary>
    public int Count => _filesByCanonical.Count;

    public Resource? ResolveByCanonicalUri(string uri)
    {
        var bar = uri.IndexOf('|', StringComparison.Ordinal);
        var canonical = bar < 0 ? uri : uri[..bar];
        return _filesByCanonical.TryGetValue(canonical, out var path) ? _parsed.GetOrAdd(path, Load) : null;
    }

    public Resource? ResolveByUri(string uri) => ResolveByCanonicalUri(uri);

    public Task<Resource?> ResolveByCanonicalUriAsync(string uri) => System.Threading.Tasks.Task.FromResult(ResolveByCanonicalUri(uri));

    public Task<Resource?> ResolveByUriAsync(string uri) => System.Threading.Tasks.Task.FromResult(ResolveByUri(uri));

    private Resource? Load(string path)
    {
        var reader = new Utf8JsonReader(File.ReadAllBytes(path));
        return _deserializer.TryDeserializeResource(ref reader, out var resource, out _) || resource is not null ? resource : null;
    }
}
