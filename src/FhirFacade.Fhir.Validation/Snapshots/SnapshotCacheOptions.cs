namespace FhirFacade.Fhir.Validation.Snapshots;

/// <summary>Where generated snapshots are cached on disk.</summary>
public sealed record SnapshotCacheOptions
{
    /// <summary>
    /// The cache folder. Default: <c>$XDG_CACHE_HOME/fhirfacade/snapshots</c>, else
    /// <c>~/.cache/fhirfacade/snapshots</c>. Safe to delete at any time.
    /// </summary>
    public string? Folder { get; init; }

    /// <summary>Whether the disk cache is used at all (default <see langword="true"/>).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The folder actually used.</summary>
    public string ResolveFolder()
    {
        if (!string.IsNullOrWhiteSpace(Folder))
        {
            return Folder;
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var cacheRoot = !string.IsNullOrWhiteSpace(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(cacheRoot, "fhirfacade", "snapshots");
    }
}
