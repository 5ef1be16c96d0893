using System.Collections.Concurrent;
using System.Text.Json;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Packages;
using FhirFacade.Fhir.Validation.Definitions;
using FhirFacade.Fhir.Validation.Schema;

namespace FhirFacade.Fhir.Validation.Snapshots;

/// <summary>
/// Resolves StructureDefinition canonicals from the loaded packages to definitions that always carry a snapshot:
/// definitions shipped with one (R4 core) as they are, differential-only ones (UK Core) with a snapshot generated
/// once, kept in memory and (optionally) in the disk cache. Thread-safe; each definition is read or generated once.
/// This is what the validator consumes (it implements the validator's <see cref="IStructureDefinitionSource"/>).
/// </summary>
public sealed class StructureDefinitionProvider : IStructureDefinitionResolver, IStructureDefinitionSource
{
    private readonly IConformanceResolver _packages;
    private readonly SnapshotGenerator _generator;
    private readonly SnapshotDiskCache? _diskCache;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Creates a provider over the loaded packages, with the disk cache configured by <paramref name="cacheOptions"/> (none when <see langword="null"/>).</summary>
    public StructureDefinitionProvider(IConformanceResolver packages, SnapshotCacheOptions? cacheOptions = null)
    {
        ArgumentNullException.ThrowIfNull(packages);
        _packages = packages;
        _generator = new SnapshotGenerator(this);
        if (cacheOptions is { Enabled: true })
        {
            var fingerprint = packages.ListResources("StructureDefinition")
                .Select(r => $"{r.PackageId}#{r.PackageVersion}|{r.Url}|{r.Version}|{r.FileName}");
            _diskCache = new SnapshotDiskCache(cacheOptions.ResolveFolder(), SnapshotDiskCache.ComputeKey(fingerprint));
        }
    }

    /// <summary>The folder holding this package set's cached snapshots, or <see langword="null"/> without a disk cache.</summary>
    public string? CacheDirectory => _diskCache?.Directory;

    /// <inheritdoc />
    public StructureDefinition? Resolve(string canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        return GetEntry(canonical).Definition;
    }

    /// <summary>
    /// The issues found while generating the snapshot of <paramref name="canonical"/> in this process (resolving it
    /// first when needed); empty for shipped snapshots and for snapshots read from the disk cache.
    /// </summary>
    public IReadOnlyList<Issue> GetIssues(string canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        return GetEntry(canonical).Issues;
    }

    private Entry GetEntry(string canonical)
    {
        if (_entries.TryGetValue(canonical, out var entry))
        {
            return entry;
        }

        // One generation at a time: generation recursively resolves bases and extension definitions on the same
        // thread (the lock is re-entrant), and each definition is generated exactly once.
        lock (_gate)
        {
            if (_entries.TryGetValue(canonical, out entry))
            {
                return entry;
            }

            if (!_inProgress.Add(canonical))
            {
                return new Entry(null, [ElementMerger.Error(SnapshotIssueCodes.Circular, "the definition depends on itself.", canonical)]);
            }

            try
            {
                entry = Load(canonical);
            }
            finally
            {
                _inProgress.Remove(canonical);
            }

            _entries[canonical] = entry;
            return entry;
        }
    }

    private Entry Load(string canonical)
    {
        if (_packages.ResolveCanonical(canonical) is not { } json
            || json.ValueKind != JsonValueKind.Object
            || !json.TryGetProperty("resourceType", out var rt)
            || rt.ValueKind != JsonValueKind.String
            || rt.GetString() != "StructureDefinition")
        {
            return new Entry(null, []);
        }

        var sd = StructureDefinitionReader.Read(json);
        if (sd.HasSnapshot)
        {
            return new Entry(sd, []);
        }

        if (_diskCache?.TryRead(canonical) is { } cached)
        {
            return new Entry(cached, []);
        }

        var result = _generator.Generate(sd);
        if (result.Succeeded)
        {
            // Failed generations are not cached, so their issues are reported again on the next start.
            _diskCache?.TryWrite(canonical, result.WithSnapshot);
        }

        return new Entry(result.WithSnapshot, result.Issues);
    }

    private sealed record Entry(StructureDefinition? Definition, IReadOnlyList<Issue> Issues);
}
