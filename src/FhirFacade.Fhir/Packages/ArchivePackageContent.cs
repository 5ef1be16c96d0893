using System.Formats.Tar;
using System.IO.Compression;

namespace FhirFacade.Fhir.Packages;

/// <summary>
/// A package read from an npm tarball (<c>.tgz</c>) into memory. Entries live under the
/// <c>package/</c> prefix; only the top level of that folder is kept (examples and other
/// sub-folders are not conformance content).
/// </summary>
internal sealed class ArchivePackageContent : IPackageContent
{
    private const string PackagePrefix = "package/";
    private readonly Dictionary<string, byte[]> _files;

    private ArchivePackageContent(string location, Dictionary<string, byte[]> files)
    {
        Location = location;
        _files = files;
    }

    public string Location { get; }

    public static ArchivePackageContent Load(string tarballPath)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var file = File.OpenRead(tarballPath);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
            {
                continue;
            }

            var name = entry.Name.Replace('\\', '/');
            if (name.StartsWith("./", StringComparison.Ordinal))
            {
                name = name[2..];
            }

            if (!name.StartsWith(PackagePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var relative = name[PackagePrefix.Length..];
            if (relative.Length == 0 || relative.Contains('/', StringComparison.Ordinal))
            {
                continue;
            }

            using var buffer = new MemoryStream();
            entry.DataStream.CopyTo(buffer);
            files[relative] = buffer.ToArray();
        }

        return new ArchivePackageContent(tarballPath, files);
    }

    public byte[]? ReadFile(string fileName) => _files.GetValueOrDefault(fileName);

    public IEnumerable<string> ListJsonFiles()
    {
        foreach (var name in _files.Keys)
        {
            if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                yield return name;
            }
        }
    }
}
