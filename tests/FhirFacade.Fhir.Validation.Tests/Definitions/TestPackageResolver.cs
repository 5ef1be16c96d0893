using System.Collections.Concurrent;
using System.Text.Json;
using FhirFacade.Fhir.Packages;

namespace FhirFacade.Fhir.Validation.Tests.Definitions;

/// <summary>
/// A minimal test-only <see cref="IConformanceResolver"/> over the shared FHIR packages (R4 core + UK Core STU2),
/// reading each package's <c>.index.json</c>; stands in until the kernel's package loader lands.
/// </summary>
internal sealed class TestPackageResolver : IConformanceResolver
{
    private static readonly string[] PackageFolders = ["hl7.fhir.r4.core#4.0.1", "fhir.r4.ukcore.stu2#2.0.2"];
    private static readonly Lazy<TestPackageResolver> SharedInstance = new(() => new TestPackageResolver());

    private readonly List<(PackageResourceInfo Info, string FullPath)> _resources = [];
    private readonly Dictionary<string, string> _byUrl = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byTypeAndId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonElement> _parsed = new(StringComparer.Ordinal);

    private TestPackageResolver()
    {
        var root = FindPackagesRoot();
        foreach (var folder in PackageFolders)
        {
            var hash = folder.IndexOf('#', StringComparison.Ordinal);
            var packageDir = Path.Combine(root, folder, "package");
            using var index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(packageDir, ".index.json")));
            foreach (var file in index.RootElement.GetProperty("files").EnumerateArray())
            {
                var info = new PackageResourceInfo(
                    folder[..hash],
                    folder[(hash + 1)..],
                    file.GetProperty("resourceType").GetString()!,
                    file.GetProperty("id").GetString()!,
                    Str(file, "url"),
                    Str(file, "version"),
                    Str(file, "kind"),
                    Str(file, "type"),
                    file.GetProperty("filename").GetString()!);
                var fullPath = Path.Combine(packageDir, info.FileName);
                _resources.Add((info, fullPath));
                if (info.Url is not null)
                {
                    _byUrl.TryAdd(info.Url, fullPath);
                }

                _byTypeAndId.TryAdd(info.ResourceType + "/" + info.Id, fullPath);
            }
        }
    }

    public static TestPackageResolver Shared => SharedInstance.Value;

    public static string FindPackagesRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fhir-packages");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }

            dir = dir.Parent;
        }

        throw new DirectoryNotFoundException("shared/fhir-packages not found above the test output folder.");
    }

    public JsonElement? ResolveCanonical(string canonical)
    {
        var bar = canonical.IndexOf('|', StringComparison.Ordinal);
        var url = bar < 0 ? canonical : canonical[..bar];
        return _byUrl.TryGetValue(url, out var path) ? Load(path) : null;
    }

    public JsonElement? ResolveById(string resourceType, string id) =>
        _byTypeAndId.TryGetValue(resourceType + "/" + id, out var path) ? Load(path) : null;

    public IEnumerable<PackageResourceInfo> ListResources(string? resourceType = null) =>
        _resources.Select(r => r.Info).Where(i => resourceType is null || i.ResourceType == resourceType);

    private JsonElement Load(string path) =>
        _parsed.GetOrAdd(path, p =>
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(p));
            return doc.RootElement.Clone();
        });

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
