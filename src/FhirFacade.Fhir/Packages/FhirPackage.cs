using System.Collections.Concurrent;
using System.Text.Json;

namespace FhirFacade.Fhir.Packages;

/// <summary>
/// One loaded FHIR package (<see href="https://confluence.hl7.org/display/FHIR/NPM+Package+Specification"/>):
/// its manifest and the index of its resources. Resource files are parsed on first use and cached;
/// thread-safe.
/// </summary>
public sealed class FhirPackage
{
    private const string ManifestFileName = "package.json";
    private const string IndexFileName = ".index.json";
    private readonly IPackageContent _content;
    private readonly ConcurrentDictionary<string, Lazy<JsonDocument>> _documents = new(StringComparer.Ordinal);

    private FhirPackage(IPackageContent content, string id, string version, IReadOnlyList<FhirPackageReference> dependencies)
    {
        _content = content;
        Id = id;
        Version = version;
        Dependencies = dependencies;
    }

    /// <summary>The package id (<c>name</c> in package.json), e.g. <c>fhir.r4.ukcore.stu2</c>.</summary>
    public string Id { get; }

    /// <summary>The package version, e.g. <c>2.0.2</c>.</summary>
    public string Version { get; }

    /// <summary>The folder or tarball the package was read from.</summary>
    public string Location => _content.Location;

    /// <summary>The package's own dependencies (package.json <c>dependencies</c>).</summary>
    public IReadOnlyList<FhirPackageReference> Dependencies { get; }

    /// <summary>The resources listed in the package index (<c>.index.json</c>), in index order.</summary>
    public IReadOnlyList<PackageResourceInfo> Resources { get; private set; } = [];

    /// <summary>
    /// Loads a package from a folder (<c>&lt;id&gt;#&lt;version&gt;</c> or its <c>package</c> sub-folder) or an npm
    /// tarball (<c>.tgz</c>). Reads only package.json and .index.json (or, when there is no index, scans the files once).
    /// </summary>
    /// <exception cref="FhirPackageException">When the location holds no readable package.</exception>
    public static FhirPackage Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        IPackageContent content;
        if (File.Exists(path) && path.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                content = ArchivePackageContent.Load(path);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException)
            {
                throw new FhirPackageException($"FHIR package tarball '{path}' could not be read: {ex.Message}", ex);
            }
        }
        else
        {
            var folder = Directory.Exists(Path.Combine(path, "package")) ? Path.Combine(path, "package") : path;
            if (!Directory.Exists(folder))
            {
                throw new FhirPackageException($"FHIR package folder '{path}' does not exist.");
            }

            content = new DirectoryPackageContent(folder);
        }

        return FromContent(content);
    }

    /// <summary>Reads a file of the package folder as parsed JSON, cached; <see langword="null"/> when the package has no such file.</summary>
    internal JsonElement? GetDocument(string fileName)
    {
        var lazy = _documents.GetOrAdd(fileName, name => new Lazy<JsonDocument>(() => ParseFile(name), LazyThreadSafetyMode.ExecutionAndPublication));
        var document = lazy.Value;
        return document.RootElement.ValueKind == JsonValueKind.Null ? null : document.RootElement;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id}#{Version} ({Location})";

    private static FhirPackage FromContent(IPackageContent content)
    {
        var manifestBytes = content.ReadFile(ManifestFileName)
            ?? throw new FhirPackageException($"FHIR package at '{content.Location}' has no {ManifestFileName}.");
        string id;
        string version;
        var dependencies = new List<FhirPackageReference>();
        try
        {
            using var manifest = JsonDocument.Parse(manifestBytes, DocumentOptions);
            var root = manifest.RootElement;
            id = GetString(root, "name") ?? throw new FhirPackageException($"FHIR package at '{content.Location}' has no name in {ManifestFileName}.");
            version = GetString(root, "version") ?? throw new FhirPackageException($"FHIR package at '{content.Location}' has no version in {ManifestFileName}.");
            ReadDependencies(root, dependencies);
        }
        catch (JsonException ex)
        {
            throw new FhirPackageException($"The {ManifestFileName} of FHIR package at '{content.Location}' is not valid JSON: {ex.Message}", ex);
        }

        var package = new FhirPackage(content, id, version, dependencies);
        package.Resources = package.ReadIndex();
        return package;
    }

    /// <summary>Reads the <c>dependencies</c> object of a package.json into references.</summary>
    internal static void ReadDependencies(JsonElement manifestRoot, List<FhirPackageReference> into)
    {
        if (manifestRoot.TryGetProperty("dependencies", out var deps) && deps.ValueKind == JsonValueKind.Object)
        {
            foreach (var dep in deps.EnumerateObject())
            {
                if (dep.Value.ValueKind == JsonValueKind.String)
                {
                    into.Add(new FhirPackageReference(dep.Name, dep.Value.GetString()!));
                }
            }
        }
    }

    internal static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 256,
    };

    private List<PackageResourceInfo> ReadIndex()
    {
        var indexBytes = _content.ReadFile(IndexFileName);
        return indexBytes is null ? ScanFiles() : ParseIndex(indexBytes);
    }

    private List<PackageResourceInfo> ParseIndex(byte[] indexBytes)
    {
        try
        {
            using var index = JsonDocument.Parse(indexBytes, DocumentOptions);
            if (!index.RootElement.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
            {
                throw new FhirPackageException($"The {IndexFileName} of FHIR package {Id}#{Version} at '{Location}' has no files array.");
            }

            var result = new List<PackageResourceInfo>(files.GetArrayLength());
            foreach (var file in files.EnumerateArray())
            {
                var fileName = GetString(file, "filename");
                var resourceType = GetString(file, "resourceType");
                var id = GetString(file, "id");
                if (fileName is null || resourceType is null || id is null)
                {
                    continue;
                }

                result.Add(new PackageResourceInfo(
                    Id, Version, resourceType, id, GetString(file, "url"), GetString(file, "version"),
                    GetString(file, "kind"), GetString(file, "type"), fileName));
            }

            return result;
        }
        catch (JsonException ex)
        {
            throw new FhirPackageException($"The {IndexFileName} of FHIR package {Id}#{Version} at '{Location}' is not valid JSON: {ex.Message}", ex);
        }
    }

    private List<PackageResourceInfo> ScanFiles()
    {
        var result = new List<PackageResourceInfo>();
        var names = _content.ListJsonFiles().Order(StringComparer.Ordinal).ToList();
        foreach (var fileName in names)
        {
            if (fileName is ManifestFileName or IndexFileName)
            {
                continue;
            }

            var root = GetDocument(fileName);
            if (root is not { ValueKind: JsonValueKind.Object } element)
            {
                continue;
            }

            var resourceType = GetString(element, "resourceType");
            var id = GetString(element, "id");
            if (resourceType is null || id is null)
            {
                continue;
            }

            result.Add(new PackageResourceInfo(
                Id, Version, resourceType, id, GetString(element, "url"), GetString(element, "version"),
                GetString(element, "kind"), GetString(element, "type"), fileName));
        }

        return result;
    }

    private JsonDocument ParseFile(string fileName)
    {
        var bytes = _content.ReadFile(fileName);
        if (bytes is null)
        {
            return MissingDocument;
        }

        try
        {
            return JsonDocument.Parse(bytes, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new FhirPackageException($"File '{fileName}' of FHIR package {Id}#{Version} at '{Location}' is not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>Stands for a file the package does not have (its root is JSON <c>null</c>).</summary>
    private static readonly JsonDocument MissingDocument = JsonDocument.Parse("null");

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
