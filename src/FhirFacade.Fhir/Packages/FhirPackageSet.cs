using System.Text;
using System.Text.Json;

namespace FhirFacade.Fhir.Packages;

/// <summary>
/// A set of loaded FHIR packages with their dependencies, resolving conformance resources by
/// canonical URL (<see href="https://hl7.org/fhir/R4/references.html#canonical"/>), by type and id,
/// and listing them by type. Opening reads only each package's <c>package.json</c> and
/// <c>.index.json</c>; a resource file is parsed on first use and cached. Thread-safe.
/// </summary>
public sealed class FhirPackageSet : IConformanceResolver
{
    private const string ManifestFileName = "package.json";
    private const string ProfilesFolderName = "profiles";
    private static readonly PackageResourceInfo[] NoResources = [];
    private readonly Dictionary<string, FhirPackage> _packagesByKey;
    private readonly Dictionary<string, List<(FhirPackage Package, PackageResourceInfo Info)>> _byUrl;
    private readonly Dictionary<string, (FhirPackage Package, PackageResourceInfo Info)> _byTypeAndId;
    private readonly Dictionary<string, List<PackageResourceInfo>> _byType;
    private readonly List<PackageResourceInfo> _all;

    private FhirPackageSet(IReadOnlyList<FhirPackage> packages)
    {
        Packages = packages;
        _packagesByKey = new Dictionary<string, FhirPackage>(StringComparer.Ordinal);
        _byUrl = new Dictionary<string, List<(FhirPackage, PackageResourceInfo)>>(StringComparer.Ordinal);
        _byTypeAndId = new Dictionary<string, (FhirPackage, PackageResourceInfo)>(StringComparer.Ordinal);
        _byType = new Dictionary<string, List<PackageResourceInfo>>(StringComparer.Ordinal);
        _all = [];
        var byCanonical = new Dictionary<string, FhirPackage>(StringComparer.Ordinal);
        foreach (var package in packages)
        {
            _packagesByKey[Key(package.Id, package.Version)] = package;
            foreach (var info in package.Resources)
            {
                _all.Add(info);
                if (!_byType.TryGetValue(info.ResourceType, out var ofType))
                {
                    _byType[info.ResourceType] = ofType = [];
                }

                ofType.Add(info);
                _byTypeAndId.TryAdd(Key(info.ResourceType, info.Id), (package, info));
                if (info.Url is null)
                {
                    continue;
                }

                var canonical = info.Version is null ? info.Url : info.Url + "|" + info.Version;
                if (byCanonical.TryGetValue(canonical, out var owner))
                {
                    if (!ReferenceEquals(owner, package))
                    {
                        throw new FhirPackageException(
                            $"Canonical '{canonical}' is defined by both {owner.Id}#{owner.Version} ({owner.Location}) and {package.Id}#{package.Version} ({package.Location}); load only one of them.");
                    }

                    continue;
                }

                byCanonical[canonical] = package;
                if (!_byUrl.TryGetValue(info.Url, out var versions))
                {
                    _byUrl[info.Url] = versions = [];
                }

                versions.Add((package, info));
            }
        }

        foreach (var versions in _byUrl.Values)
        {
            if (versions.Count > 1)
            {
                // Highest business version first; the stable sort keeps package order among equals.
                var sorted = versions.OrderByDescending(v => v.Info.Version, Comparer<string?>.Create(PackageVersion.Compare)).ToList();
                versions.Clear();
                versions.AddRange(sorted);
            }
        }
    }

    /// <summary>The loaded packages, roots first, then dependencies in the order they were resolved.</summary>
    public IReadOnlyList<FhirPackage> Packages { get; }

    /// <summary>
    /// Opens the project's packages: the dependencies named in the project's <c>profiles/package.json</c>
    /// (see <see cref="FindProjectManifest"/>), resolved recursively, searching <paramref name="configuredFolders"/>
    /// first and then the default folders (see <see cref="FhirPackageLocator.CreateDefault"/>).
    /// </summary>
    /// <exception cref="FhirPackageException">When the manifest or a package cannot be found, or packages conflict.</exception>
    public static FhirPackageSet OpenProject(IEnumerable<string>? configuredFolders = null)
    {
        var manifest = FindProjectManifest()
            ?? throw new FhirPackageException(
                $"The project's profiles/package.json was found neither beside the binaries ('{Path.Combine(AppContext.BaseDirectory, ProfilesFolderName)}') nor in a FhirFacade checkout (FhirFacade.sln) above '{AppContext.BaseDirectory}' or '{Directory.GetCurrentDirectory()}'.");
        return OpenManifest(manifest, FhirPackageLocator.CreateDefault(configuredFolders));
    }

    /// <summary>
    /// The project's <c>profiles/package.json</c>: the copy beside the binaries (the build and publish copy
    /// <c>profiles/**</c> to the output folder) first; the checkout's <c>profiles/</c> (found by walking up to
    /// <c>FhirFacade.sln</c>) only as a development fallback; <see langword="null"/> when neither exists.
    /// </summary>
    public static string? FindProjectManifest()
    {
        var besideBinaries = Path.Combine(AppContext.BaseDirectory, ProfilesFolderName, ManifestFileName);
        if (File.Exists(besideBinaries))
        {
            return besideBinaries;
        }

        var checkout = FhirPackageLocator.FindCheckoutRoot();
        var inCheckout = checkout is null ? null : Path.Combine(checkout, ProfilesFolderName, ManifestFileName);
        return inCheckout is not null && File.Exists(inCheckout) ? inCheckout : null;
    }

    /// <summary>
    /// Opens the dependencies named in a root <c>package.json</c> (the manifest's own resources are
    /// not loaded), resolved recursively through each package's own dependencies.
    /// </summary>
    /// <exception cref="FhirPackageException">When the manifest or a package cannot be found, or packages conflict.</exception>
    public static FhirPackageSet OpenManifest(string manifestPath, FhirPackageLocator locator)
    {
        ArgumentNullException.ThrowIfNull(manifestPath);
        ArgumentNullException.ThrowIfNull(locator);
        if (!File.Exists(manifestPath))
        {
            throw new FhirPackageException($"Package manifest '{manifestPath}' does not exist.");
        }

        var dependencies = new List<FhirPackageReference>();
        try
        {
            using var manifest = JsonDocument.Parse(File.ReadAllBytes(manifestPath), FhirPackage.DocumentOptions);
            FhirPackage.ReadDependencies(manifest.RootElement, dependencies);
        }
        catch (JsonException ex)
        {
            throw new FhirPackageException($"Package manifest '{manifestPath}' is not valid JSON: {ex.Message}", ex);
        }

        return Open(dependencies, locator);
    }

    /// <summary>Opens the given packages and, recursively, their dependencies, found through <paramref name="locator"/>.</summary>
    /// <exception cref="FhirPackageException">When a package cannot be found (the message names the id, the version and every folder searched), or packages conflict.</exception>
    public static FhirPackageSet Open(IEnumerable<FhirPackageReference> dependencies, FhirPackageLocator locator)
    {
        ArgumentNullException.ThrowIfNull(dependencies);
        ArgumentNullException.ThrowIfNull(locator);
        var loaded = new List<FhirPackage>();
        var queue = new Queue<FhirPackageReference>(dependencies);
        while (queue.Count > 0)
        {
            var reference = queue.Dequeue();
            if (loaded.Exists(p => p.Id == reference.Id && PackageVersion.Matches(reference.Version, p.Version)))
            {
                continue;
            }

            var path = locator.Find(reference.Id, reference.Version) ?? throw NotFound(reference, locator);
            var package = FhirPackage.Load(path);
            loaded.Add(package);
            foreach (var dependency in package.Dependencies)
            {
                queue.Enqueue(dependency);
            }
        }

        return new FhirPackageSet(loaded);
    }

    /// <summary>Creates a set from packages already loaded (e.g. with <see cref="FhirPackage.Load"/>); dependencies are not followed.</summary>
    /// <exception cref="FhirPackageException">When two packages define the same canonical <c>url|version</c>.</exception>
    public static FhirPackageSet FromPackages(IEnumerable<FhirPackage> packages)
    {
        ArgumentNullException.ThrowIfNull(packages);
        return new FhirPackageSet(packages.ToList());
    }

    /// <summary>The loaded package with this id and exact version, or <see langword="null"/>.</summary>
    public FhirPackage? FindPackage(string id, string version) => _packagesByKey.GetValueOrDefault(Key(id, version));

    /// <inheritdoc />
    public JsonElement? ResolveCanonical(string canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        var entry = FindCanonical(canonical);
        return entry?.Package.GetDocument(entry.Value.Info.FileName);
    }

    /// <summary>The index entry a canonical (<c>url</c> or <c>url|version</c>) resolves to, without parsing the resource.</summary>
    public PackageResourceInfo? FindCanonicalInfo(string canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        return FindCanonical(canonical)?.Info;
    }

    /// <inheritdoc />
    public JsonElement? ResolveById(string resourceType, string id)
    {
        ArgumentNullException.ThrowIfNull(resourceType);
        ArgumentNullException.ThrowIfNull(id);
        return _byTypeAndId.TryGetValue(Key(resourceType, id), out var entry)
            ? entry.Package.GetDocument(entry.Info.FileName)
            : null;
    }

    /// <inheritdoc />
    public IEnumerable<PackageResourceInfo> ListResources(string? resourceType = null)
    {
        if (resourceType is null)
        {
            return _all;
        }

        return _byType.TryGetValue(resourceType, out var ofType) ? ofType : NoResources;
    }

    private (FhirPackage Package, PackageResourceInfo Info)? FindCanonical(string canonical)
    {
        var bar = canonical.LastIndexOf('|');
        var url = bar < 0 ? canonical : canonical[..bar];
        var version = bar < 0 ? null : canonical[(bar + 1)..];
        if (!_byUrl.TryGetValue(url, out var versions))
        {
            return null;
        }

        if (string.IsNullOrEmpty(version))
        {
            return versions[0];
        }

        foreach (var candidate in versions)
        {
            if (string.Equals(candidate.Info.Version, version, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        return null;
    }

    private static FhirPackageException NotFound(FhirPackageReference reference, FhirPackageLocator locator)
    {
        var message = new StringBuilder()
            .Append("FHIR package ").Append(reference.Id).Append(" version ").Append(reference.Version)
            .Append(" was not found. Folders searched (in order):");
        if (locator.Folders.Count == 0)
        {
            message.Append(" none");
        }

        foreach (var folder in locator.Folders)
        {
            message.Append(' ').Append(folder).Append(Directory.Exists(folder) ? ";" : " (does not exist);");
        }

        message.Length -= message[^1] == ';' ? 1 : 0;
        message.Append(". To get it, run 'fhirfacade packages install' (it fetches the packages profiles/package.json names into ~/.fhir/packages),")
            .Append(" or name a folder holding it: the server's setting Facade:Fhir:PackageFolders (environment variable Facade__Fhir__PackageFolders__0), the CLI's --packages.");
        return new FhirPackageException(message.ToString());
    }

    private static string Key(string first, string second) => string.Concat(first, "\u0001", second);
}
