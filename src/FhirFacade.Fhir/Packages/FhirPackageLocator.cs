namespace FhirFacade.Fhir.Packages;

/// <summary>
/// Finds packages in the standard cache layout (<c>&lt;folder&gt;/&lt;id&gt;#&lt;version&gt;/package/</c>) and as
/// npm tarballs (<c>&lt;id&gt;-&lt;version&gt;.tgz</c> or <c>&lt;id&gt;#&lt;version&gt;.tgz</c>) in a list of folders.
/// Entries whose name starts with <c>_</c> (such as <c>_prerelease</c>) are never considered.
/// </summary>
public sealed class FhirPackageLocator
{
    private const string SolutionFileName = "FhirFacade.sln";
    private const string TarballExtension = ".tgz";

    /// <summary>Creates a locator over the given folders, searched in order.</summary>
    public FhirPackageLocator(IEnumerable<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        Folders = folders.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The folders searched, in order.</summary>
    public IReadOnlyList<string> Folders { get; }

    /// <summary>
    /// The default search list: <paramref name="configuredFolders"/>, then <c>../shared/fhir-packages</c>
    /// beside the checkout (the folder holding <c>FhirFacade.sln</c>, found by walking up from the
    /// application base directory and from the current directory) when it exists, then <c>~/.fhir/packages</c>.
    /// </summary>
    public static FhirPackageLocator CreateDefault(IEnumerable<string>? configuredFolders = null)
    {
        var folders = new List<string>();
        if (configuredFolders is not null)
        {
            folders.AddRange(configuredFolders);
        }

        var checkout = FindCheckoutRoot();
        if (checkout is not null)
        {
            var shared = Path.GetFullPath(Path.Combine(checkout, "..", "shared", "fhir-packages"));
            if (Directory.Exists(shared))
            {
                folders.Add(shared);
            }
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (!string.IsNullOrEmpty(home))
        {
            folders.Add(Path.Combine(home, ".fhir", "packages"));
        }

        return new FhirPackageLocator(folders);
    }

    /// <summary>
    /// The checkout root: the nearest folder holding <c>FhirFacade.sln</c> above the application base
    /// directory or, failing that, above the current directory; <see langword="null"/> when there is none.
    /// </summary>
    public static string? FindCheckoutRoot() =>
        FindUpwards(AppContext.BaseDirectory) ?? FindUpwards(Directory.GetCurrentDirectory());

    /// <summary>
    /// Finds the highest version of <paramref name="id"/> matching <paramref name="versionPattern"/>
    /// (exact or wildcard such as <c>4.0.x</c>); on equal versions the earlier folder wins.
    /// </summary>
    /// <returns>The path of the package folder or tarball, or <see langword="null"/>.</returns>
    public string? Find(string id, string versionPattern)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(versionPattern);
        string? bestPath = null;
        string? bestVersion = null;
        foreach (var folder in Folders)
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
            {
                var name = Path.GetFileName(entry);
                if (name.StartsWith('_') || !TryGetVersion(entry, name, id, out var version))
                {
                    continue;
                }

                if (PackageVersion.Matches(versionPattern, version)
                    && (bestVersion is null || PackageVersion.Compare(version, bestVersion) > 0))
                {
                    bestVersion = version;
                    bestPath = entry;
                }
            }
        }

        return bestPath;
    }

    private static bool TryGetVersion(string entryPath, string name, string id, out string version)
    {
        version = string.Empty;
        if (name.Length <= id.Length + 1 || !name.StartsWith(id, StringComparison.Ordinal))
        {
            return false;
        }

        var separator = name[id.Length];
        if (Directory.Exists(entryPath))
        {
            if (separator != '#' || !File.Exists(Path.Combine(entryPath, "package", "package.json")))
            {
                return false;
            }

            version = name[(id.Length + 1)..];
            return true;
        }

        if ((separator != '#' && separator != '-') || !name.EndsWith(TarballExtension, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        version = name[(id.Length + 1)..^TarballExtension.Length];
        return version.Length > 0;
    }

    private static string? FindUpwards(string? start)
    {
        for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
